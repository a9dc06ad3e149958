package vn.gov.eid.notification.service;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import vn.gov.eid.notification.config.SmsConfig;
import vn.gov.eid.notification.domain.SmsAttempt;
import vn.gov.eid.notification.domain.SmsMessage;
import vn.gov.eid.notification.domain.SmsState;

/**
 * Read side for operators: messages by citizen, state and time; counts by state.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class MessageQueries {

    @Inject
    SmsConfig config;

    /**
     * The messages that match every filter given, newest first, at most the filter's limit; a malformed or
     * out-of-bounds filter fails with one violation per parameter, before the database is asked.
     */
    public List<SmsMessage> find(MessageFilter filter) {
        MessageFilter.Parsed f =
                filter.parse(config.limits().listSize(), config.limits().maxListSize());
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (f.personalIdNumber() != null) {
            where.add("personalIdNumber = :pid");
            params = params.and("pid", f.personalIdNumber());
        }
        if (f.state() != null) {
            where.add("state = :state");
            params = params.and("state", f.state());
        }
        if (f.from() != null) {
            where.add("createdAt >= :from");
            params = params.and("from", f.from());
        }
        if (f.to() != null) {
            where.add("createdAt < :to");
            params = params.and("to", f.to());
        }
        String query = (where.isEmpty() ? "1 = 1" : String.join(" and ", where)) + " order by createdAt desc";
        return SmsMessage.<SmsMessage>find(query, params).page(0, f.limit()).list();
    }

    /** The submit attempts of a message, first first; empty when there is no such message. */
    public Optional<List<SmsAttempt>> attempts(UUID messageId) {
        if (SmsMessage.findById(messageId) == null) {
            return Optional.empty();
        }
        return Optional.of(SmsAttempt.ofMessage(messageId));
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
