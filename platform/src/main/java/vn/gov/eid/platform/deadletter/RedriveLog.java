package vn.gov.eid.platform.deadletter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The audit trail of re-drives (table dead_letter_redrive): one row per operator request, whatever its outcome. */
@ApplicationScoped
public class RedriveLog {

    /** Longest detail kept (the column's size). */
    static final int DETAIL_LENGTH = 500;

    @Inject
    EntityManager em;

    /** One row of the trail. */
    public record Entry(
            int partition,
            long offset,
            String eventId,
            String operator,
            String reason,
            String outcome,
            String detail,
            Instant at) {}

    /** Records a re-drive in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(
            String topic,
            int partition,
            long offset,
            String eventId,
            String operator,
            String reason,
            String outcome,
            String detail) {
        em.createNativeQuery("insert into dead_letter_redrive (topic, topic_partition, record_offset, event_id,"
                        + " operator, reason, outcome, detail) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, topic)
                .setParameter(2, partition)
                .setParameter(3, offset)
                .setParameter(4, eventId == null ? null : text(eventId, 255))
                .setParameter(5, text(operator, 100))
                .setParameter(6, reason)
                .setParameter(7, outcome)
                .setParameter(8, detail == null ? null : text(detail, DETAIL_LENGTH))
                .executeUpdate();
    }

    /** The trail of one record, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Entry> of(String topic, int partition, long offset) {
        return rows(
                "select topic_partition, record_offset, event_id, operator, reason, outcome, detail, redriven_at"
                        + " from dead_letter_redrive where topic = ?1 and topic_partition = ?2 and record_offset = ?3"
                        + " order by redriven_at, id",
                Map.of(1, topic, 2, partition, 3, offset));
    }

    /** The trails of the given partitions' records at or after the given offsets, by "partition@offset". */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, List<Entry>> since(String topic, long oldestOffset) {
        Map<String, List<Entry>> out = new HashMap<>();
        rows(
                        "select topic_partition, record_offset, event_id, operator, reason, outcome, detail,"
                                + " redriven_at from dead_letter_redrive where topic = ?1 and record_offset >= ?2"
                                + " order by redriven_at, id",
                        Map.of(1, topic, 2, oldestOffset))
                .forEach(e -> out.computeIfAbsent(key(e.partition(), e.offset()), k -> new java.util.ArrayList<>())
                        .add(e));
        return out;
    }

    static String key(int partition, long offset) {
        return partition + "@" + offset;
    }

    /** Text from a record (attacker-controlled) made storable: no NUL (PostgreSQL refuses it), within the column. */
    private static String text(String s, int max) {
        String clean = s.replace('\u0000', '?');
        return clean.length() <= max ? clean : clean.substring(0, max - 3) + "...";
    }

    static String bounded(String s) {
        return s.length() <= DETAIL_LENGTH ? s : s.substring(0, DETAIL_LENGTH - 3) + "...";
    }

    private List<Entry> rows(String sql, Map<Integer, Object> parameters) {
        var query = em.createNativeQuery(sql);
        parameters.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream()
                .map(r -> new Entry(
                        ((Number) r[0]).intValue(),
                        ((Number) r[1]).longValue(),
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        (String) r[5],
                        (String) r[6],
                        instant(r[7])))
                .toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
