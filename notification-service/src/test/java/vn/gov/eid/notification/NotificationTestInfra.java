package vn.gov.eid.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import vn.gov.eid.testsupport.InfraTestResource;

/** Real PostgreSQL (database "notification"), a real Kafka broker and the SMSC simulator for every test. */
@QuarkusTestResource(
        value = InfraTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "notification"),
        restrictToAnnotatedClass = false)
@QuarkusTestResource(value = SmscTestResource.class, restrictToAnnotatedClass = false)
public final class NotificationTestInfra {
    private NotificationTestInfra() {}
}
