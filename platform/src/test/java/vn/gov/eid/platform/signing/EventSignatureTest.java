package vn.gov.eid.platform.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.gov.eid.platform.signing.EventVerifier.Reason;

/** Signing and verifying CloudEvents with DSSE (verifiability extension), without any infrastructure. */
class EventSignatureTest {

    private static final KeyPair DOSSIER = ed25519();
    private static final KeyPair OLD_DOSSIER = ed25519();
    private static final KeyPair ATTACKER = ed25519();

    private static SignedFields event(String data, String key) {
        return new SignedFields(
                "0b6f6c1e-1",
                "/dossier-service",
                "1.0",
                "vn.gov.eid.dossier.completed.v1",
                "application/json",
                null,
                null,
                "2026-12-03T08:00:00.123456Z",
                data.getBytes(StandardCharsets.UTF_8),
                Map.of("partitionkey", key));
    }

    private static String sign(KeyPair pair, SignedFields fields) {
        return new EventSigner(pair.getPrivate(), pair.getPublic()).sign(fields);
    }

    @Test
    void aGenuineEventVerifiesWithItsProducersKey() {
        String material = sign(DOSSIER, event("{\"a\":1}", "001203012345"));
        EventVerifier.Verdict v =
                new EventVerifier(List.of(DOSSIER.getPublic())).verify(material, event("{\"a\":1}", "001203012345"));
        assertTrue(v.verified(), String.valueOf(v.reason()));
        assertEquals(EventKeys.keyId(DOSSIER.getPublic()), v.keyId());
    }

    @Test
    void oneChangedByteOfTheDataIsRejected() {
        String material = sign(DOSSIER, event("{\"a\":1}", "001203012345"));
        EventVerifier.Verdict v =
                new EventVerifier(List.of(DOSSIER.getPublic())).verify(material, event("{\"a\":2}", "001203012345"));
        assertFalse(v.verified());
        assertEquals(Reason.MODIFIED, v.reason());
    }

    @Test
    void aChangedRecordKeyIsRejected() {
        String material = sign(DOSSIER, event("{}", "001203012345"));
        assertEquals(
                Reason.MODIFIED,
                new EventVerifier(List.of(DOSSIER.getPublic()))
                        .verify(material, event("{}", "001203099999"))
                        .reason());
    }

    @Test
    void everyContextAttributeIsCovered() {
        SignedFields base = event("{}", "k");
        String material = sign(DOSSIER, base);
        EventVerifier verifier = new EventVerifier(List.of(DOSSIER.getPublic()));
        List<SignedFields> changed = List.of(
                new SignedFields(
                        "other",
                        base.source(),
                        base.specversion(),
                        base.type(),
                        base.datacontenttype(),
                        null,
                        null,
                        base.time(),
                        base.data(),
                        base.extensions()),
                new SignedFields(
                        base.id(),
                        "/identity-service",
                        base.specversion(),
                        base.type(),
                        base.datacontenttype(),
                        null,
                        null,
                        base.time(),
                        base.data(),
                        base.extensions()),
                new SignedFields(
                        base.id(),
                        base.source(),
                        base.specversion(),
                        "vn.gov.eid.other.v1",
                        base.datacontenttype(),
                        null,
                        null,
                        base.time(),
                        base.data(),
                        base.extensions()),
                new SignedFields(
                        base.id(),
                        base.source(),
                        base.specversion(),
                        base.type(),
                        "text/plain",
                        null,
                        null,
                        base.time(),
                        base.data(),
                        base.extensions()),
                new SignedFields(
                        base.id(),
                        base.source(),
                        base.specversion(),
                        base.type(),
                        base.datacontenttype(),
                        null,
                        "subject",
                        base.time(),
                        base.data(),
                        base.extensions()),
                new SignedFields(
                        base.id(),
                        base.source(),
                        base.specversion(),
                        base.type(),
                        base.datacontenttype(),
                        null,
                        null,
                        "2026-12-03T08:00:01Z",
                        base.data(),
                        base.extensions()),
                new SignedFields(
                        base.id(),
                        base.source(),
                        base.specversion(),
                        base.type(),
                        base.datacontenttype(),
                        null,
                        null,
                        base.time(),
                        base.data(),
                        Map.of()));
        for (SignedFields f : changed) {
            assertEquals(Reason.MODIFIED, verifier.verify(material, f).reason(), f.toString());
        }
    }

    @Test
    void theSameInstantInAnotherOffsetStillVerifies() {
        SignedFields utc = event("{}", "k");
        SignedFields hanoi = new SignedFields(
                utc.id(),
                utc.source(),
                utc.specversion(),
                utc.type(),
                utc.datacontenttype(),
                null,
                null,
                "2026-12-03T15:00:00.123456+07:00",
                utc.data(),
                utc.extensions());
        assertTrue(new EventVerifier(List.of(DOSSIER.getPublic()))
                .verify(sign(DOSSIER, utc), hanoi)
                .verified());
    }

    @Test
    void anEventSignedByAnotherKeyIsRejected() {
        String material = sign(ATTACKER, event("{}", "k"));
        assertEquals(
                Reason.UNKNOWN_KEY,
                new EventVerifier(List.of(DOSSIER.getPublic()))
                        .verify(material, event("{}", "k"))
                        .reason());
    }

    @Test
    void aSignatureMadeWithAnotherKeyUnderTheTrustedKeyIdIsRejected() {
        String forged = sign(ATTACKER, event("{}", "k"));
        Dsse.Envelope e = Dsse.decode(forged);
        String relabelled = Dsse.encode(new Dsse.Envelope(
                e.payload(),
                e.payloadType(),
                List.of(new Dsse.Signature(
                        EventKeys.keyId(DOSSIER.getPublic()),
                        e.signatures().get(0).sig()))));
        assertEquals(
                Reason.BAD_SIGNATURE,
                new EventVerifier(List.of(DOSSIER.getPublic()))
                        .verify(relabelled, event("{}", "k"))
                        .reason());
    }

    @Test
    void aRetiredKeyVerifiesWhileItIsStillConfigured() {
        String oldRecord = sign(OLD_DOSSIER, event("{}", "k"));
        assertTrue(new EventVerifier(List.of(DOSSIER.getPublic(), OLD_DOSSIER.getPublic()))
                .verify(oldRecord, event("{}", "k"))
                .verified());
        assertEquals(
                Reason.UNKNOWN_KEY,
                new EventVerifier(List.of(DOSSIER.getPublic()))
                        .verify(oldRecord, event("{}", "k"))
                        .reason());
    }

    @Test
    void unsignedAndGarbageMaterialAreRejected() {
        EventVerifier verifier = new EventVerifier(List.of(DOSSIER.getPublic()));
        assertEquals(Reason.UNSIGNED, verifier.verify(null, event("{}", "k")).reason());
        assertEquals(Reason.UNSIGNED, verifier.verify("", event("{}", "k")).reason());
        assertEquals(
                Reason.CORRUPT_MATERIAL,
                verifier.verify("not base64 !", event("{}", "k")).reason());
        assertEquals(
                Reason.CORRUPT_MATERIAL,
                verifier.verify(
                                Base64.getEncoder().encodeToString("{\"x\":1}".getBytes(StandardCharsets.UTF_8)),
                                event("{}", "k"))
                        .reason());
        assertEquals(
                Reason.CORRUPT_MATERIAL,
                verifier.verify("A".repeat(100_000), event("{}", "k")).reason());
        Dsse.Envelope genuine = Dsse.decode(sign(DOSSIER, event("{}", "k")));
        List<Dsse.Signature> five =
                java.util.Collections.nCopies(5, genuine.signatures().get(0));
        assertEquals(
                Reason.CORRUPT_MATERIAL,
                verifier.verify(
                                Dsse.encode(new Dsse.Envelope(genuine.payload(), genuine.payloadType(), five)),
                                event("{}", "k"))
                        .reason());
    }

    @Test
    void p256KeysWorkToo() {
        KeyPair ec = ec256();
        String material = sign(ec, event("{}", "k"));
        assertTrue(new EventVerifier(List.of(ec.getPublic()))
                .verify(material, event("{}", "k"))
                .verified());
        assertEquals(
                Reason.MODIFIED,
                new EventVerifier(List.of(ec.getPublic()))
                        .verify(material, event("{ }", "k"))
                        .reason());
    }

    @Test
    void ed25519SignaturesAreTheJdksOwnBytesAndVerifyThereToo() throws Exception {
        // the signer uses BouncyCastle for speed; a partner verifying with the JDK (or any RFC 8032 library) must get
        // the same result: Ed25519 is deterministic, so the signature bytes must be identical
        String material = sign(DOSSIER, event("{\"a\":1}", "001203012345"));
        Dsse.Envelope envelope = Dsse.decode(material);
        byte[] pae = Dsse.pae(envelope.payloadType(), Base64.getDecoder().decode(envelope.payload()));
        byte[] ours = Base64.getDecoder().decode(envelope.signatures().get(0).sig());
        java.security.Signature jdk = java.security.Signature.getInstance("Ed25519", "SunEC");
        jdk.initSign(DOSSIER.getPrivate());
        jdk.update(pae);
        assertTrue(java.util.Arrays.equals(jdk.sign(), ours), "BouncyCastle and the JDK signed differently");
        jdk.initVerify(DOSSIER.getPublic());
        jdk.update(pae);
        assertTrue(jdk.verify(ours));
        pae[pae.length - 1] ^= 1;
        jdk.initVerify(DOSSIER.getPublic());
        jdk.update(pae);
        assertFalse(jdk.verify(ours));
    }

    @Test
    void paeIsTheDsseKnownAnswer() {
        // the example of the DSSE protocol document
        assertEquals(
                "DSSEv1 29 http://example.com/HelloWorld 11 hello world",
                new String(
                        Dsse.pae("http://example.com/HelloWorld", "hello world".getBytes(StandardCharsets.UTF_8)),
                        StandardCharsets.UTF_8));
    }

    @Test
    void signedExtensionListsFollowTheExtensionsRules() {
        assertEquals(List.of(), EventVerifier.signedExtensions(null));
        assertEquals(
                List.of("partitionkey", "traceparent"), EventVerifier.signedExtensions("partitionkey,traceparent"));
        for (String bad :
                new String[] {"partitionkey,partitionkey", "id", "partitionkey,time", "dssematerial", "a,,b"}) {
            assertThrows(IllegalArgumentException.class, () -> EventVerifier.signedExtensions(bad), bad);
        }
    }

    @Test
    void keysRoundTripThroughPem() {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(DOSSIER.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        assertEquals(EventKeys.keyId(DOSSIER.getPublic()), EventKeys.keyId(EventKeys.publicKey(pem)));
        String priv = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(DOSSIER.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        String material = new EventSigner(EventKeys.privateKey(priv), EventKeys.publicKey(pem)).sign(event("{}", "k"));
        assertTrue(new EventVerifier(List.of(DOSSIER.getPublic()))
                .verify(material, event("{}", "k"))
                .verified());
    }

    private static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair ec256() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
