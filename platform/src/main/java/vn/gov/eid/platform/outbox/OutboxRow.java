package vn.gov.eid.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import vn.gov.eid.platform.cloudevents.CloudEventHeaders;

/** One unpublished outbox row and the binary-mode CloudEvent Kafka record it becomes. */
record OutboxRow(UUID id, String topic, String key, String type, String payload, Instant createdAt) {

    /** From a row of {@code select id, topic, event_key, event_type, payload::text, created_at}. */
    static OutboxRow of(Object[] row) {
        Instant created = row[5] instanceof OffsetDateTime odt
                ? odt.toInstant()
                : row[5] instanceof Instant in ? in : Instant.now();
        return new OutboxRow(
                (UUID) row[0], (String) row[1], (String) row[2], (String) row[3], (String) row[4], created);
    }

    /** The record with the event id as ce_id and the row's time as ce_time; {@code source} becomes ce_source. */
    ProducerRecord<String, String> toRecord(String source) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, payload);
        header(record, CloudEventHeaders.SPECVERSION, "1.0");
        header(record, CloudEventHeaders.ID, id.toString());
        header(record, CloudEventHeaders.SOURCE, source);
        header(record, CloudEventHeaders.TYPE, type);
        header(
                record,
                CloudEventHeaders.TIME,
                createdAt.atOffset(ZoneOffset.UTC).toString());
        header(record, CloudEventHeaders.CONTENT_TYPE, "application/json");
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }
}
