package vn.gov.eid.platform.cloudevents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A CloudEvent read from a Kafka record in binary mode: the ce_* headers plus the JSON data in the value. */
public record CloudEvent(String id, String type, String source, String time, String key, String data) {

    /**
     * Reads the CloudEvent attributes of a record.
     *
     * @throws IllegalArgumentException when ce_id or ce_type is missing (not a CloudEvent of ours)
     */
    public static CloudEvent from(ConsumerRecord<String, String> record) {
        String id = header(record, CloudEventHeaders.ID);
        String type = header(record, CloudEventHeaders.TYPE);
        if (id == null || id.isBlank() || type == null || type.isBlank()) {
            throw new IllegalArgumentException("record at " + record.topic() + "/" + record.partition() + "@"
                    + record.offset() + " is not a binary-mode CloudEvent (ce_id or ce_type missing)");
        }
        return new CloudEvent(
                id,
                type,
                header(record, CloudEventHeaders.SOURCE),
                header(record, CloudEventHeaders.TIME),
                record.key(),
                record.value());
    }

    /** Binds the JSON data to a type; a malformed payload is an IllegalArgumentException. */
    public <T> T dataAs(ObjectMapper mapper, Class<T> type) {
        try {
            return mapper.readValue(data, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "data of CloudEvent " + id + " (" + this.type + ") is not a valid " + type.getSimpleName() + ": "
                            + e.getOriginalMessage(),
                    e);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return CloudEventHeaders.text(record.headers(), name);
    }
}
