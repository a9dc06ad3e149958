package vn.gov.eid.platform.problem;

import vn.gov.eid.platform.error.DomainException;

/**
 * Recognises the caller's mistakes that Quarkus REST reports with plain JDK exceptions while it decodes a form body
 * or parameters, so that they answer 400 instead of 500. Quarkus REST 3.33 throws
 * <ul>
 * <li>{@code IllegalArgumentException("Failed to decode URL <input> to <charset>")} from
 * {@code org.jboss.resteasy.reactive.common.util.URLUtils} for a bad percent-escape ({@code %zz}, a trailing
 * {@code %});</li>
 * <li>{@code RuntimeException("Param limit of 1000 was exceeded")} from
 * {@code org.jboss.resteasy.reactive.server.core.multipart.FormData} for a form with more than 1000 fields, and
 * {@code RuntimeException("Too many parameters: max=...")} from {@code URLUtils$QueryStringParser};</li>
 * <li>{@code UnsupportedCharsetException} / {@code IllegalCharsetNameException} from {@code Charset.forName}, called by
 * {@code FormEncodedDataDefinition$FormEncodedDataParser} for a form whose Content-Type names a charset the JDK does
 * not know ({@code charset=nonsense}) once a value needs percent-decoding.</li>
 * </ul>
 * The exception types say nothing, so the class that built the exception decides (not its message, which quotes
 * the input). A Quarkus upgrade that moves these classes makes them 500 again, which the platform tests catch.
 */
final class RequestDecoding {

    private static final String URL_UTILS = "org.jboss.resteasy.reactive.common.util.URLUtils";
    private static final String QUERY_STRING_PARSER = URL_UTILS + "$QueryStringParser";
    private static final String FORM_DATA = "org.jboss.resteasy.reactive.server.core.multipart.FormData";
    private static final String FORM_PARSER =
            "org.jboss.resteasy.reactive.server.core.multipart.FormEncodedDataDefinition$FormEncodedDataParser";

    private RequestDecoding() {}

    /** The problem to answer when {@code e} is Quarkus REST refusing the request's encoding, else null. */
    static DomainException refusal(RuntimeException e) {
        StackTraceElement[] trace = e.getStackTrace();
        if (trace.length == 0) {
            return null;
        }
        String origin = trace[0].getClassName();
        if (e.getClass() == IllegalArgumentException.class && origin.equals(URL_UTILS)) {
            return DomainException.invalid(
                    "malformed-request",
                    "Malformed request",
                    "a form field or parameter is not valid percent-encoding (%XX with two hexadecimal digits)");
        }
        if (e.getClass() == RuntimeException.class
                && (origin.equals(FORM_DATA) || origin.equals(QUERY_STRING_PARSER))) {
            return DomainException.invalid(
                    "too-many-parameters",
                    "Too many parameters",
                    "the request has more form fields or parameters than this service accepts");
        }
        if ((e instanceof java.nio.charset.UnsupportedCharsetException
                        || e instanceof java.nio.charset.IllegalCharsetNameException)
                && java.util.Arrays.stream(trace).anyMatch(f -> f.getClassName().equals(FORM_PARSER))) {
            return DomainException.invalid(
                    "unsupported-charset",
                    "Unsupported charset",
                    "the form's Content-Type names a charset this service does not know; send UTF-8");
        }
        return null;
    }
}
