package vn.gov.eid.dossier.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gov.eid.dossier.config.DossierConfig;
import vn.gov.eid.dossier.domain.Biometrics;
import vn.gov.eid.dossier.domain.Finger;
import vn.gov.eid.platform.error.DomainException;
import vn.gov.eid.platform.error.Violation;

/** A capture against the default limits of {@link DossierConfig} (plain JUnit, no Quarkus). */
class BiometricsCheckTest {
    BiometricsCheck check;

    @BeforeEach
    void withDefaultLimits() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(DossierConfig.class)
                .withDefaultValue("eid.dossier.contact-public-key-location", "unused")
                .build();
        check = new BiometricsCheck();
        check.config = config.getConfigMapping(DossierConfig.class);
    }

    static byte[] jpeg(int width, int height) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static BiometricsCapture.FingerprintCapture finger(Finger finger, int quality) {
        return new BiometricsCapture.FingerprintCapture(finger, base64(("template-" + finger).getBytes()), quality);
    }

    static List<Violation> refused(BiometricsCapture capture, BiometricsCheck check) {
        DomainException e = assertThrows(DomainException.class, () -> check.check(capture));
        assertEquals(DomainException.Kind.INVALID, e.kind());
        assertEquals("validation", e.code());
        @SuppressWarnings("unchecked")
        List<Violation> violations = (List<Violation>) e.extensions().get("violations");
        assertEquals(violations.size() + " field(s) are invalid", e.detail());
        return violations;
    }

    @Test
    void validCaptureIsWhatGetsStored() {
        byte[] portrait = jpeg(480, 640);
        BiometricsCheck.Accepted b = check.check(new BiometricsCapture(
                base64(portrait), List.of(finger(Finger.RIGHT_INDEX, 85), finger(Finger.LEFT_INDEX, 40))));
        assertArrayEquals(portrait, b.portrait());
        assertEquals(480, b.width());
        assertEquals(640, b.height());
        assertEquals(
                List.of(Finger.RIGHT_INDEX, Finger.LEFT_INDEX),
                b.fingerprints().stream().map(Biometrics.Fingerprint::finger).toList());
    }

    @Test
    void portraitOutsideTheLimitsNamesTheRule() {
        List<BiometricsCapture.FingerprintCapture> fingers =
                List.of(finger(Finger.RIGHT_INDEX, 85), finger(Finger.LEFT_INDEX, 78));
        assertEquals(
                List.of(new Violation(
                        "portrait",
                        "rule PORTRAIT_DIMENSIONS: 200x320 pixels, must be at "
                                + "least 240x320 and at most 2000 per side")),
                refused(new BiometricsCapture(base64(jpeg(200, 320)), fingers), check));
        assertEquals(
                List.of(new Violation("portrait", "rule PORTRAIT_JPEG: must be a JPEG image")),
                refused(new BiometricsCapture(base64("GIF89a not a jpeg".getBytes()), fingers), check));
        assertEquals(
                List.of(new Violation("portrait", "must be base64")),
                refused(new BiometricsCapture("not base64!", fingers), check));
        assertEquals(
                List.of(new Violation("portrait", "rule PORTRAIT_SIZE: 524289 bytes, at most 524288")),
                refused(new BiometricsCapture(base64(new byte[524_289]), fingers), check));
    }

    @Test
    void everyBrokenFingerprintRuleIsReported() {
        List<Violation> v = refused(
                new BiometricsCapture(
                        base64(jpeg(480, 640)),
                        List.of(
                                finger(Finger.RIGHT_INDEX, 39),
                                finger(Finger.RIGHT_INDEX, 85),
                                new BiometricsCapture.FingerprintCapture(Finger.LEFT_INDEX, "%%%", 90),
                                new BiometricsCapture.FingerprintCapture(
                                        Finger.LEFT_THUMB, base64(new byte[16_385]), 90))),
                check);
        assertEquals(
                List.of(
                        new Violation(
                                "fingerprints[0].quality",
                                "rule MIN_QUALITY: 39 is below 40; capture the finger again"),
                        new Violation("fingerprints[1].finger", "rule DISTINCT_FINGERS: RIGHT_INDEX given twice"),
                        new Violation("fingerprints[2].template", "must be base64"),
                        new Violation("fingerprints[3].template", "rule TEMPLATE_SIZE: at most 16384 bytes")),
                v);
    }

    @Test
    void tooFewDistinctFingers() {
        BiometricsCapture oneFinger =
                new BiometricsCapture(base64(jpeg(480, 640)), List.of(finger(Finger.RIGHT_INDEX, 85)));
        assertEquals(
                List.of(new Violation("fingerprints", "rule MIN_FINGERS: 1 distinct finger(s), at least 2 needed")),
                refused(oneFinger, check));
    }
}
