package vn.gov.eid.dossier;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import vn.gov.eid.testsupport.InfraTestResource;

/** Real PostgreSQL (database "dossier") and a real Kafka broker for every test of this module. */
@QuarkusTestResource(
        value = InfraTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "dossier"),
        restrictToAnnotatedClass = false)
public class TestInfra {}
