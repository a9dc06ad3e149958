package vn.gov.eid.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/** An outbox row becomes a binary-mode CloudEvent record: payload as value, metadata as ce_ headers. */
class OutboxRowTest {

    private static final UUID ID = UUID.fromString("5f0c6f1e-8a59-4a43-9d3c-0b7a54b0f2a1");

    @Test
    void rowBecomesBinaryModeCloudEvent() {
        OffsetDateTime created = OffsetDateTime.of(2026, 3, 1, 15, 4, 5, 123_000_000, ZoneOffset.ofHours(7));
        OutboxRow row = OutboxRow.of(new Object[] {
            ID, "identity.accounts.v1", "001203000001", "vn.gov.eid.identity.account-created.v1", "{\"n\":1}", created
        });
        ProducerRecord<String, String> record = row.toRecord("/eid/identity-service");

        assertEquals("identity.accounts.v1", record.topic());
        assertEquals("001203000001", record.key());
        assertEquals("{\"n\":1}", record.value());
        assertNull(record.partition(), "the key chooses the partition");
        assertEquals("1.0", header(record, "ce_specversion"));
        assertEquals(ID.toString(), header(record, "ce_id"));
        assertEquals("/eid/identity-service", header(record, "ce_source"));
        assertEquals("vn.gov.eid.identity.account-created.v1", header(record, "ce_type"));
        assertEquals("2026-03-01T08:04:05.123Z", header(record, "ce_time"), "the row's time, in UTC");
        assertEquals("application/json", header(record, "content-type"));
        assertEquals(6, record.headers().toArray().length);
    }

    @Test
    void instantsAreTakenAsTheyAre() {
        Instant created = Instant.parse("2026-03-01T08:04:05Z");
        OutboxRow row = OutboxRow.of(new Object[] {ID, "t", "k", "x.v1", "{}", created});
        assertEquals(created, row.createdAt());
        assertEquals("2026-03-01T08:04:05Z", header(row.toRecord("/s"), "ce_time"));
    }

    private static String header(ProducerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
