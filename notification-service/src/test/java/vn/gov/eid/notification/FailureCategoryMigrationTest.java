package vn.gov.eid.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

/**
 * V4 gives the messages stored before it their failure category, read from the prefix that last_error has always
 * started with (migrated in a schema of its own, so the service's tables are not touched).
 */
@QuarkusTest
class FailureCategoryMigrationTest {

    @Inject
    DataSource dataSource;

    private Flyway flyway(String schema, MigrationVersion target) {
        return Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .createSchemas(true)
                .locations("classpath:db/migration", "classpath:db/platform")
                .target(target)
                .load();
    }

    @Test
    void rowsWrittenBeforeTheColumnGetTheCategoryOfTheirLastError() throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put(
                "SUBMIT_OUTCOME_UNKNOWN (not resent): NO_RESPONSE: no submit_sm_resp within 2000 ms",
                "SUBMIT_OUTCOME_UNKNOWN");
        expected.put("SUBMIT_OUTCOME_UNKNOWN (not resent): CONNECTION_LOST: Broken pipe", "SUBMIT_OUTCOME_UNKNOWN");
        expected.put("SUBMIT_INTERRUPTED: the service stopped during the submit; not resent", "SUBMIT_INTERRUPTED");
        expected.put("RETRIES_EXHAUSTED after 3 attempt(s): THROTTLED: SMSC status 0x00000058", "RETRIES_EXHAUSTED");
        expected.put("THROTTLED: SMSC status 0x00000058", "THROTTLED");
        expected.put("NO_BIND: no bound SMPP session", "NO_BIND");
        expected.put("INVALID_DESTINATION: SMSC status 0x0000000b", "INVALID_DESTINATION");
        expected.put("REJECTED: SMSC status 0x0000000a", "REJECTED");
        expected.put("UNUSABLE_REQUEST: the sealed part carries no password", "UNUSABLE_REQUEST");
        expected.put("NOT_SENT_IN_TIME: older than PT1H", "NOT_SENT_IN_TIME");
        expected.put("SMSC_EXPIRED: err 0", "SMSC_EXPIRED");
        expected.put("SMSC_UNDELIV: err 1", "SMSC_UNDELIV");
        expected.put("SMSC_REJECTD: err 2", "SMSC_REJECTD");
        expected.put(null, null);

        String schema = "v4_check_" + UUID.randomUUID().toString().substring(0, 8);
        try {
            flyway(schema, MigrationVersion.fromVersion("3")).migrate();
            Map<UUID, String> ids = new HashMap<>();
            try (Connection c = dataSource.getConnection();
                    PreparedStatement insert = c.prepareStatement(
                            "insert into " + schema + ".sms_message (id, request_id, personal_id_number, purpose,"
                                    + " phone_masked, template_params, state, last_error, next_attempt_at, created_at,"
                                    + " updated_at, queued_at) values (?, ?, '001200000001', 'INITIAL_CREDENTIAL',"
                                    + " '+84******678', '{}', 'FAILED', ?, now(), now(), now(), now())")) {
                for (String lastError : expected.keySet()) {
                    UUID id = UUID.randomUUID();
                    insert.setObject(1, id);
                    insert.setObject(2, UUID.randomUUID());
                    insert.setString(3, lastError);
                    insert.executeUpdate();
                    ids.put(id, lastError);
                }
            }

            flyway(schema, MigrationVersion.LATEST).migrate();

            Map<String, String> actual = new LinkedHashMap<>();
            try (Connection c = dataSource.getConnection();
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("select id, failure_category from " + schema + ".sms_message")) {
                while (rs.next()) {
                    actual.put(ids.get(rs.getObject(1, UUID.class)), rs.getString(2));
                }
            }
            assertEquals(expected, actual);
        } finally {
            try (Connection c = dataSource.getConnection();
                    Statement st = c.createStatement()) {
                st.execute("drop schema if exists " + schema + " cascade");
            }
        }
    }
}
