package vn.gov.eid.platform.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.gov.eid.infra.DevKeys;
import vn.gov.eid.testsupport.TestKeys;

/** A consumer without its producer's key must not start: it could verify nothing and would dead-letter everything. */
class EventTrustLoadTest {

    private static final String DOSSIER_KEY =
            DevKeys.toPem(TestKeys.eventKeyPair("DOSSIER").getPublic());

    @Test
    void aProducerWithoutKeysStopsTheServiceWithAMessageNamingTheSetting() {
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> EventTrust.load(config(Map.of("dossier", producer("/eid/dossier-service", List.of(" "))))));
        assertTrue(e.getMessage().contains("eid.events.trust.dossier.keys is empty"), e.getMessage());
        assertThrows(
                IllegalStateException.class,
                () -> EventTrust.load(config(Map.of("dossier", producer("/eid/dossier-service", List.of())))));
    }

    @Test
    void twoProducersCannotClaimOneSource() {
        Map<String, EventTrustConfig.Producer> trust = new LinkedHashMap<>();
        trust.put("dossier", producer("/eid/dossier-service", List.of(DOSSIER_KEY)));
        trust.put("impostor", producer("/eid/dossier-service", List.of(DOSSIER_KEY)));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> EventTrust.load(config(trust)));
        assertTrue(e.getMessage().contains("already has source /eid/dossier-service"), e.getMessage());
    }

    @Test
    void aConfiguredProducerIsKnownByItsSourceWithItsKeyAndTypes() {
        Map<String, EventTrust.Producer> loaded =
                EventTrust.load(config(Map.of("dossier", producer("/eid/dossier-service", List.of(DOSSIER_KEY)))));
        EventTrust.Producer p = loaded.get("/eid/dossier-service");
        assertEquals("dossier", p.name());
        assertEquals(
                java.util.Set.of(
                        EventKeys.keyId(TestKeys.eventKeyPair("DOSSIER").getPublic())),
                p.verifier().keyIds());
        assertTrue(p.types().contains("vn.gov.eid.dossier.completed.v1"));
    }

    private static EventTrustConfig.Producer producer(String source, List<String> keys) {
        return new EventTrustConfig.Producer() {
            @Override
            public String source() {
                return source;
            }

            @Override
            public Optional<List<String>> keys() {
                return Optional.of(keys);
            }

            @Override
            public List<String> types() {
                return List.of("vn.gov.eid.dossier.completed.v1");
            }
        };
    }

    private static EventTrustConfig config(Map<String, EventTrustConfig.Producer> trust) {
        return new EventTrustConfig() {
            @Override
            public Optional<String> signingKey() {
                return Optional.empty();
            }

            @Override
            public Optional<List<String>> previousPublicKeys() {
                return Optional.empty();
            }

            @Override
            public Map<String, Producer> trust() {
                return trust;
            }
        };
    }
}
