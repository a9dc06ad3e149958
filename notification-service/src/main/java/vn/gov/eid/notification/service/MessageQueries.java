package vn.gov.eid.notification.service;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import vn.gov.eid.notification.domain.SmsMessage;
import vn.gov.eid.notification.domain.SmsState;

/**
 * Read side for operators: messages by citizen, state and time; counts by state.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class MessageQueries {

    public List<SmsMessage> find(String personalIdNumber, SmsState state, Instant from, Instant to, int limit) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (personalIdNumber != null) {
            where.add("personalIdNumber = :pid");
            params = params.and("pid", personalIdNumber);
        }
        if (state != null) {
            where.add("state = :state");
            params = params.and("state", state);
        }
        if (from != null) {
            where.add("createdAt >= :from");
            params = params.and("from", from);
        }
        if (to != null) {
            where.add("createdAt < :to");
            params = params.and("to", to);
        }
        String query = (where.isEmpty() ? "1 = 1" : String.join(" and ", where)) + " order by createdAt desc";
        return SmsMessage.<SmsMessage>find(query, params).page(0, limit).list();
    }

    public Map<SmsState, Long> countsByState() {
        Map<SmsState, Long> counts = new EnumMap<>(SmsState.class);
        for (SmsState s : SmsState.values()) {
            counts.put(s, 0L);
        }
        List<Object[]> rows = SmsMessage.getEntityManager()
                .createQuery("select m.state, count(m) from SmsMessage m group by m.state", Object[].class)
                .getResultList();
        for (Object[] row : rows) {
            counts.put((SmsState) row[0], (Long) row[1]);
        }
        return counts;
    }
}
