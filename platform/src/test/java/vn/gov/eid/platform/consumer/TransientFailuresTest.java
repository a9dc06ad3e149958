package vn.gov.eid.platform.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParseException;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.validation.ConstraintViolationException;
import java.sql.SQLException;
import java.util.Set;
import org.hibernate.StaleObjectStateException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.gov.eid.platform.signing.EventVerifier;
import vn.gov.eid.platform.signing.UntrustedRecordException;

/** Which failures a consumer retries in place and which send the record to the dead-letter topic. */
class TransientFailuresTest {

    /** As Hibernate and Narayana hand a JDBC failure to the consumer: wrapped twice. */
    private static RuntimeException wrapped(SQLException sql) {
        return new QuarkusTransactionException(new PersistenceException("could not execute statement", sql));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"08001", "08006", "08003", "57P01", "57P02", "57P03", "53300", "40001", "40P01", "55P03", "57014"
            })
    void databaseUnavailableLockAndSerializationFailuresAreTransientAnywhereInTheChain(String sqlState) {
        assertTrue(TransientFailures.isTransient(wrapped(new SQLException("x", sqlState))), sqlState);
    }

    @ParameterizedTest
    @ValueSource(strings = {"23505", "23502", "22001", "22P02", "42P01", "P0001"})
    void constraintDataAndSchemaErrorsArePermanent(String sqlState) {
        assertFalse(TransientFailures.isTransient(wrapped(new SQLException("x", sqlState))), sqlState);
    }

    @Test
    void aFullPoolIsTransient() {
        // Agroal's acquisition timeout carries no SQLState
        assertTrue(TransientFailures.isTransient(wrapped(new SQLException("Sorry, acquisition timeout!"))));
        assertFalse(TransientFailures.isTransient(wrapped(new SQLException("something else"))));
    }

    @Test
    void lockAndVersionClashesOfJpaAndHibernateAreTransient() {
        assertTrue(TransientFailures.isTransient(new LockTimeoutException("lock")));
        assertTrue(TransientFailures.isTransient(new OptimisticLockException("version")));
        assertTrue(TransientFailures.isTransient(new StaleObjectStateException("CitizenAccount", "001203000001")));
        assertTrue(TransientFailures.isTransient(
                new LockAcquisitionException("deadlock", new SQLException("deadlock", (String) null))));
        assertTrue(TransientFailures.isTransient(
                new JDBCConnectionException("gone", new SQLException("gone", (String) null))));
    }

    @Test
    void aTransactionTheReaperTimedOutIsTransientOneOnlyMarkedRollbackOnlyIsNot() {
        assertTrue(TransientFailures.isTransient(new QuarkusTransactionException(
                new RollbackException("ARJUNA016102: The transaction is not active! Uid is 0:ffff"))));
        assertFalse(TransientFailures.isTransient(
                new QuarkusTransactionException(new RollbackException("ARJUNA016053: Could not commit transaction."))));
    }

    @Test
    void aFailureBecauseTheReaperEndedTheTransactionIsTransient() {
        assertTrue(TransientFailures.isTransient(new QuarkusTransactionException(new TransactionTimedOut(
                new IllegalStateException("Cannot use the EntityManager/Session because neither a transaction nor a"
                        + " CDI request context is active")))));
        assertFalse(TransientFailures.isTransient(new IllegalStateException(
                "Cannot use the EntityManager/Session because neither a transaction nor a CDI request context is"
                        + " active")));
    }

    @Test
    void invalidRecordsArePermanent() {
        assertFalse(TransientFailures.isTransient(new IllegalArgumentException("not a CloudEvent")));
        assertFalse(TransientFailures.isTransient(new UntrustedRecordException(EventVerifier.Reason.UNSIGNED)));
        assertFalse(TransientFailures.isTransient(new ConstraintViolationException("invalid", Set.of())));
        assertFalse(TransientFailures.isTransient(
                new IllegalArgumentException("bad data", new JsonParseException(null, "unexpected token"))));
    }

    @Test
    void aCauseChainWithACycleEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertFalse(TransientFailures.isTransient(a));
    }

    @Test
    void theDescriptionNamesClassesAndSqlStatesNotMessages() {
        String d = TransientFailures.describe(wrapped(new SQLException("Key (phone)=(+84912345678)", "55P03")));
        assertEquals("QuarkusTransactionException <- PersistenceException <- SQLException[55P03]", d);
    }
}
