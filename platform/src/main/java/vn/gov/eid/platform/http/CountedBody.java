package vn.gov.eid.platform.http;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Counts every request body that is read, chunked ones included, to its end against the limit
 * {@link RequestBodyLimit} chose for the endpoint, and refuses it ({@link BodyTooLarge}) once it passes the limit,
 * whatever the JSON reader made of it.
 */
@Provider
public class CountedBody implements ReaderInterceptor {
    @Override
    public Object aroundReadFrom(ReaderInterceptorContext ctx) throws IOException {
        if (!(ctx.getProperty(RequestBodyLimit.LIMIT) instanceof Long limit)) {
            // RequestBodyLimit runs for every endpoint before its body is read.
            throw new IllegalStateException("no body limit was chosen for this request");
        }
        Counted body = new Counted(ctx.getInputStream(), limit);
        ctx.setInputStream(body);
        try {
            Object entity = ctx.proceed();
            body.finish();
            return entity;
        } catch (IOException | RuntimeException e) {
            // The reader may have wrapped the overflow; the stream knows what happened.
            if (body.exceeded) {
                throw new BodyTooLarge(limit);
            }
            throw e;
        }
    }

    /** The body as read, failing on the first byte past the limit. */
    private static final class Counted extends FilterInputStream {
        private final long limit;
        private long read;
        private boolean exceeded;

        Counted(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        /** The JSON reader closes its source when its value ends; what follows is still part of the body. */
        @Override
        public void close() {}

        /** Counts the rest of the body (a chunked one has no declared length), then closes the source. */
        void finish() throws IOException {
            try {
                transferTo(OutputStream.nullOutputStream());
            } finally {
                in.close();
            }
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long n) throws IOException {
            read += n;
            if (read > limit) {
                exceeded = true;
                throw new IOException("request body over " + limit + " bytes");
            }
        }
    }
}
