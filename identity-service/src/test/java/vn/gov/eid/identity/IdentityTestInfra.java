package vn.gov.eid.identity;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import vn.gov.eid.testsupport.InfraTestResource;

/** Real PostgreSQL (database "identity") and a real Kafka broker for every test of the module. */
@QuarkusTestResource(
        value = InfraTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "identity"),
        restrictToAnnotatedClass = false)
public final class IdentityTestInfra {
    private IdentityTestInfra() {}
}
