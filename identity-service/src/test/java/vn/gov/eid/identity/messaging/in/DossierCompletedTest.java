package vn.gov.eid.identity.messaging.in;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import vn.gov.eid.identity.service.DossierRegistration;

/** The contract's example of a completed dossier reads into what account provisioning needs (plain JUnit). */
class DossierCompletedTest {

    @Test
    void theExampleEventBecomesARegistration() throws Exception {
        String json =
                Files.readString(Path.of("..", "contracts", "events", "vn.gov.eid.dossier.completed.v1.example.json"));
        DossierCompleted dossier = new ObjectMapper().readValue(json, DossierCompleted.class);
        DossierRegistration r = dossier.registration();
        assertEquals("7d0c9a4e-2b1f-4c55-9e0a-3f1b2c3d4e5f", r.dossierId());
        assertEquals("001203012345", r.personalIdNumber());
        assertEquals("Nguyen Van An", r.fullName());
        assertEquals(dossier.eidRegistration().sealedContact(), r.sealedContact());
        assertEquals(1, r.integratedDocuments().size());
    }
}
