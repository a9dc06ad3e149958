package vn.gov.eid.platform.consumer;

import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Tells a failure that passes by itself (the database restarting, a connection lost, a full pool, a lock or
 * serialization clash, a timed-out transaction) from one that will happen again for the same record. A consumer
 * retries the first kind in place and dead-letters only the second.
 */
public final class TransientFailures {

    /**
     * SQLStates of failures that a later attempt can pass: lock timeout, serialization failure, deadlock, the server
     * shutting down or restarting, too many connections, a cancelled statement (statement timeout, or the transaction
     * timeout cancelling it). Class 08 (connection exceptions) is matched by its prefix.
     */
    private static final Set<String> SQL_STATES =
            Set.of("55P03", "40001", "40P01", "57P01", "57P02", "57P03", "53300", "57014");

    /**
     * Exception classes (by name, so that this class needs none of them on its class path) that mean a lock or
     * version clash, a lost connection or a transaction the transaction manager timed out.
     */
    private static final Set<String> CLASS_NAMES = Set.of(
            "jakarta.persistence.LockTimeoutException",
            "jakarta.persistence.PessimisticLockException",
            "jakarta.persistence.OptimisticLockException",
            "org.hibernate.PessimisticLockException",
            "org.hibernate.StaleStateException",
            "org.hibernate.StaleObjectStateException",
            "org.hibernate.dialect.lock.OptimisticEntityLockException",
            "org.hibernate.exception.LockAcquisitionException",
            "org.hibernate.exception.LockTimeoutException",
            "org.hibernate.exception.JDBCConnectionException",
            "java.sql.SQLTransientConnectionException",
            "java.sql.SQLRecoverableException");

    /** Agroal's message when no connection came free within the acquisition timeout (it sets no SQLState). */
    private static final String POOL_TIMEOUT = "acquisition timeout";

    /**
     * Narayana's message when the transaction reaper rolled the transaction back on its timeout before the commit;
     * a transaction only marked rollback-only (by a failure the handler swallowed) fails with another code.
     */
    private static final String TRANSACTION_TIMED_OUT = "ARJUNA016102";

    private TransientFailures() {}

    /** Whether the failure, or any failure in its cause chain, is of the kind that passes by itself. */
    public static boolean isTransient(Throwable failure) {
        Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (isTransientItself(t)) {
                return true;
            }
        }
        return false;
    }

    /** A short description of the transient failure for a log line: class names and SQLState, no message text. */
    public static String describe(Throwable failure) {
        StringBuilder out = new StringBuilder();
        Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (out.length() > 0) {
                out.append(" <- ");
            }
            out.append(t.getClass().getSimpleName());
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                out.append('[').append(sql.getSQLState()).append(']');
            }
        }
        return out.toString();
    }

    private static boolean isTransientItself(Throwable t) {
        if (t instanceof TransactionTimedOut) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null && (state.startsWith("08") || SQL_STATES.contains(state))) {
                return true;
            }
            if (state == null && sql.getMessage() != null && sql.getMessage().contains(POOL_TIMEOUT)) {
                return true;
            }
        }
        if (t.getMessage() != null
                && t.getMessage().contains(TRANSACTION_TIMED_OUT)
                && "jakarta.transaction.RollbackException".equals(t.getClass().getName())) {
            return true;
        }
        for (Class<?> c = t.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            if (CLASS_NAMES.contains(c.getName())) {
                return true;
            }
        }
        return false;
    }
}
