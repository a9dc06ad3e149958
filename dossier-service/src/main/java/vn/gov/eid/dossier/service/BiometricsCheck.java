package vn.gov.eid.dossier.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import vn.gov.eid.dossier.config.DossierConfig;
import vn.gov.eid.dossier.domain.Biometrics;
import vn.gov.eid.dossier.domain.Finger;
import vn.gov.eid.platform.error.DomainException;
import vn.gov.eid.platform.error.Violation;

/** Checks a biometrics capture against the configured limits and turns it into what is stored. */
@ApplicationScoped
public class BiometricsCheck {
    @Inject
    DossierConfig config;

    /** A capture within the limits: the decoded portrait with its size in pixels, and the templates. */
    public record Accepted(byte[] portrait, int width, int height, List<Biometrics.Fingerprint> fingerprints) {
        /** What is sealed. */
        public SealedBiometrics.Content content() {
            return new SealedBiometrics.Content(portrait, fingerprints);
        }
    }

    /** The biometrics to store; otherwise a validation failure with one violation per broken limit. */
    public Accepted check(BiometricsCapture capture) {
        DossierConfig.BiometricsLimits limits = config.biometrics();
        List<Violation> violations = new ArrayList<>();
        int[] accepted = null;
        byte[] portrait = decode(capture.portrait());
        if (portrait == null) {
            violations.add(new Violation("portrait", "must be base64"));
        } else if (portrait.length > limits.maxPortraitBytes()) {
            violations.add(new Violation(
                    "portrait",
                    "rule PORTRAIT_SIZE: " + portrait.length + " bytes, at most " + limits.maxPortraitBytes()));
        } else {
            int[] size = jpegSize(portrait);
            if (size == null) {
                violations.add(new Violation("portrait", "rule PORTRAIT_JPEG: must be a JPEG image"));
            } else if (size[0] < limits.minPortraitWidth()
                    || size[1] < limits.minPortraitHeight()
                    || size[0] > limits.maxPortraitSide()
                    || size[1] > limits.maxPortraitSide()) {
                violations.add(new Violation(
                        "portrait",
                        "rule PORTRAIT_DIMENSIONS: " + size[0] + "x" + size[1]
                                + " pixels, must be at least " + limits.minPortraitWidth() + "x"
                                + limits.minPortraitHeight()
                                + " and at most " + limits.maxPortraitSide() + " per side"));
            } else {
                accepted = size;
            }
        }
        Set<Finger> seen = EnumSet.noneOf(Finger.class);
        List<Biometrics.Fingerprint> prints = new ArrayList<>();
        for (int i = 0; i < capture.fingerprints().size(); i++) {
            BiometricsCapture.FingerprintCapture f = capture.fingerprints().get(i);
            String at = "fingerprints[" + i + "].";
            if (!seen.add(f.finger())) {
                violations.add(new Violation(at + "finger", "rule DISTINCT_FINGERS: " + f.finger() + " given twice"));
            }
            if (f.quality() < limits.minFingerprintQuality()) {
                violations.add(new Violation(
                        at + "quality",
                        "rule MIN_QUALITY: " + f.quality() + " is below " + limits.minFingerprintQuality()
                                + "; capture the finger again"));
            }
            byte[] template = decode(f.template());
            if (template == null) {
                violations.add(new Violation(at + "template", "must be base64"));
            } else if (template.length > limits.maxTemplateBytes()) {
                violations.add(new Violation(
                        at + "template", "rule TEMPLATE_SIZE: at most " + limits.maxTemplateBytes() + " bytes"));
            }
            prints.add(new Biometrics.Fingerprint(f.finger(), f.template(), f.quality()));
        }
        if (seen.size() < limits.minFingers()) {
            violations.add(new Violation(
                    "fingerprints",
                    "rule MIN_FINGERS: " + seen.size() + " distinct finger(s), at least " + limits.minFingers()
                            + " needed"));
        }
        if (!violations.isEmpty()) {
            throw DomainException.violations(violations);
        }
        return new Accepted(portrait, accepted[0], accepted[1], List.copyOf(prints));
    }

    private static byte[] decode(String base64) {
        try {
            // Strict alphabet: a lenient decoder would silently skip garbage.
            return Base64.getDecoder().decode(base64.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Width and height from the JPEG header, or null when the bytes are not a readable JPEG. */
    private static int[] jpegSize(byte[] bytes) {
        if (bytes.length < 3 || (bytes[0] & 0xff) != 0xFF || (bytes[1] & 0xff) != 0xD8 || (bytes[2] & 0xff) != 0xFF) {
            return null;
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
