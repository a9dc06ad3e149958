package vn.gov.eid.platform.consumer;

/**
 * An attempt failed because its transaction was rolled back under it: the transaction manager's reaper ends a
 * transaction that outlives its timeout (a long lock wait, a slow database), and the handler's next database call then
 * fails with whatever the persistence layer says about a missing transaction. A later attempt can pass.
 */
public class TransactionTimedOut extends RuntimeException {

    public TransactionTimedOut(Throwable cause) {
        super("the attempt's transaction was rolled back under it (transaction timeout)", cause);
    }
}
