package io.dittofs.metadata.core.ops;

import io.dittofs.contracts.StatusException;
import io.dittofs.contracts.grpc.NonBlocking;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.metadata.core.MetadataCore;
import io.dittofs.metadata.spi.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One namespace operation: runs the rules and maps every failure to a neutral Status in the
 * response. A StatusException is an expected outcome; a StoreException (the store is down or
 * failing) answers DELAY so clients retry; anything else is a bug, logged and answered SERVERFAULT.
 * A {@link NonBlocking.WouldBlock} passes through: the caller asked not to wait and retries.
 */
public abstract class Op<Q, R> {

    private static final Logger log = LoggerFactory.getLogger(Op.class);

    protected final MetadataCore core;

    protected Op(MetadataCore core) {
        this.core = core;
    }

    public final R run(Q request) {
        try {
            return execute(request);
        } catch (StatusException e) {
            log.debug("{} -> {}", getClass().getSimpleName(), e.getMessage());
            return failure(request, e.status());
        } catch (NonBlocking.WouldBlock e) {
            // not a failure: the caller runs under NonBlocking and retries off its event loop
            throw e;
        } catch (StoreException e) {
            // the store is unreachable or failing (database down, disk error): the client may retry
            log.warn("{} failed in the store: {}", getClass().getSimpleName(), e.getMessage(), e);
            return failure(request, Status.DELAY);
        } catch (RuntimeException e) {
            log.error("{} failed unexpectedly", getClass().getSimpleName(), e);
            return failure(request, Status.SERVERFAULT);
        }
    }

    protected abstract R execute(Q request);

    protected abstract R failure(Q request, Status status);
}
