package io.dittofs.lock.core.ops;

import io.dittofs.contracts.StatusException;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.lock.core.Housekeeping;
import io.dittofs.lock.core.LockTable;
import io.dittofs.lock.spi.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One lock-service operation: runs the rules and maps every failure to a neutral Status in the
 * response. A StatusException is an expected outcome; a StoreException (the store is failing)
 * answers DELAY, and the table is unchanged because memory follows the store; anything else is a
 * bug, logged and answered SERVERFAULT.
 */
public abstract class Op<Q, R> {

    private static final Logger log = LoggerFactory.getLogger(Op.class);

    protected final LockTable table;

    protected Op(LockTable table) {
        this.table = table;
    }

    public final R run(Q request) {
        try {
            Housekeeping.settleGrace(table);
            return execute(request);
        } catch (StatusException e) {
            log.debug("{} -> {}", getClass().getSimpleName(), e.getMessage());
            return failure(e.status());
        } catch (StoreException e) {
            log.warn("{} failed in the store: {}", getClass().getSimpleName(), e.getMessage(), e);
            return failure(Status.DELAY);
        } catch (RuntimeException e) {
            log.error("{} failed unexpectedly", getClass().getSimpleName(), e);
            return failure(Status.SERVERFAULT);
        }
    }

    protected abstract R execute(Q request);

    protected abstract R failure(Status status);
}
