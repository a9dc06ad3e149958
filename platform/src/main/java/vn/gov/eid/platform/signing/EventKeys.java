package vn.gov.eid.platform.signing;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import vn.gov.eid.platform.crypto.Pem;

/**
 * Keys that sign and verify event records: Ed25519 (preferred) or ECDSA P-256, read from PEM. A key's id is derived
 * from its public key, so producer and consumer cannot disagree on it and a rotated key has a new id by itself.
 */
public final class EventKeys {

    private EventKeys() {}

    /** A PKCS#8 "PRIVATE KEY" PEM (text, file path or classpath: location) of an Ed25519 or EC key. */
    public static PrivateKey privateKey(String pemOrLocation) {
        byte[] der = Pem.body(pemOrLocation, "PRIVATE KEY");
        for (String algorithm : new String[] {"Ed25519", "EC"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IllegalStateException("not an Ed25519 or EC private key: " + Pem.describe(pemOrLocation));
    }

    /** An X.509 "PUBLIC KEY" PEM (text, file path or classpath: location) of an Ed25519 or EC key. */
    public static PublicKey publicKey(String pemOrLocation) {
        byte[] der = Pem.body(pemOrLocation, "PUBLIC KEY");
        for (String algorithm : new String[] {"Ed25519", "EC"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IllegalStateException("not an Ed25519 or EC public key: " + Pem.describe(pemOrLocation));
    }

    /** The key id: the first 16 hex digits of SHA-256 over the public key's X.509 encoding. */
    public static String keyId(PublicKey key) {
        byte[] digest = VerificationMaterial.sha256().digest(key.getEncoded());
        return HexFormat.of().formatHex(digest, 0, 8);
    }

    /**
     * Ed25519 signatures are made and checked with BouncyCastle: the JDK 17 implementation is pure field arithmetic in
     * Java, about ten times slower (measured 8-10 ms against 0.3-1 ms per operation on the 2-core machines), and every
     * account costs one check and two signatures. Both produce the same RFC 8032 signatures (deterministic), so
     * partners verify with whatever library they use (EventSignatureTest checks both directions).
     */
    private static final Provider ED25519 = new BouncyCastleProvider();

    /** A fresh signature object for the key: Ed25519 through BouncyCastle, ECDSA P-256 through the JDK. */
    static Signature signature(Key key) throws GeneralSecurityException {
        String algorithm = signatureAlgorithm(key);
        return algorithm.equals("Ed25519")
                ? Signature.getInstance(algorithm, ED25519)
                : Signature.getInstance(algorithm);
    }

    /**
     * The key as the signature provider's own object, converted once: BouncyCastle turns a JDK Ed25519 key into its own
     * form on every initSign/initVerify (a private key even derives its public key again, a full scalar
     * multiplication), which measured 100-170 us a signature against 55-75 us with its own key (2-core machine, JFR:
     * signing was 28% of dossier-service's Java samples in the benchmark's end-to-end phase). Same encoding, same key
     * id, same signatures. EC keys stay the JDK's.
     */
    @SuppressWarnings("unchecked")
    static <K extends Key> K forSignatures(K key) {
        if (!signatureAlgorithm(key).equals("Ed25519")) {
            return key;
        }
        try {
            KeyFactory bc = KeyFactory.getInstance("Ed25519", ED25519);
            Key converted = key instanceof PrivateKey
                    ? bc.generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()))
                    : bc.generatePublic(new X509EncodedKeySpec(key.getEncoded()));
            return (K) converted;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not a usable Ed25519 key", e);
        }
    }

    /** The JCA signature algorithm for a key of either kind. */
    static String signatureAlgorithm(Key key) {
        return switch (key.getAlgorithm()) {
            case "Ed25519", "EdDSA" -> "Ed25519";
            case "EC" -> "SHA256withECDSA";
            default -> throw new IllegalArgumentException("unsupported event key algorithm " + key.getAlgorithm());
        };
    }
}
