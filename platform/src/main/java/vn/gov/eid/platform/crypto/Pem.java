package vn.gov.eid.platform.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/** Reads the DER body of a PEM block given inline (from an env variable), as a file path, or as a classpath: location. */
public final class Pem {

    private Pem() {}

    /**
     * @throws IllegalStateException when nothing is configured, the location cannot be read or holds no such block
     */
    public static byte[] body(String pemOrLocation, String label) {
        if (pemOrLocation == null || pemOrLocation.isBlank()) {
            throw new IllegalStateException("no key configured");
        }
        String pem = pemOrLocation.contains("-----BEGIN ") ? pemOrLocation : read(pemOrLocation);
        String begin = "-----BEGIN " + label + "-----";
        int start = pem.indexOf(begin);
        int end = pem.indexOf("-----END " + label + "-----");
        if (start < 0 || end < 0) {
            throw new IllegalStateException("no '" + label + "' PEM block in " + describe(pemOrLocation));
        }
        return Base64.getMimeDecoder().decode(pem.substring(start + begin.length(), end));
    }

    /** Names a key source in messages without printing inline key material. */
    public static String describe(String pemOrLocation) {
        return pemOrLocation != null && pemOrLocation.contains("-----BEGIN ") ? "(inline PEM)" : pemOrLocation;
    }

    private static String read(String location) {
        try {
            if (location.startsWith("classpath:")) {
                String resource = location.substring("classpath:".length()).replaceFirst("^/", "");
                try (InputStream in =
                        Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalStateException("key not found on the classpath: " + location);
                    }
                    return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
                }
            }
            return Files.readString(
                    Path.of(location.startsWith("file:") ? location.substring(5) : location),
                    StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read key " + location + ": " + e.getMessage(), e);
        }
    }
}
