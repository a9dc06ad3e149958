package vn.gov.eid.dossier;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import org.junit.jupiter.api.Test;
import vn.gov.eid.testsupport.ApiContract;

/** The contract partners code against: docs/openapi/dossier-service.yaml is what the service serves and does. */
@QuarkusTest
class ApiContractTest {
    @TestHTTPResource("/")
    URI base;

    @Test
    void theServedDocumentIsTheStoredOne() throws Exception {
        new ApiContract("dossier-service", base).assertServedIsStored();
    }

    @Test
    void everyRequestBodyAndSuccessResponseHasASchemaAndAnExample() throws Exception {
        new ApiContract("dossier-service", base).assertBodiesDescribed();
    }

    @Test
    void everyOperationIsAsSecuredAsDeclared() throws Exception {
        new ApiContract("dossier-service", base).assertSecurityAsDeclared();
    }
}
