package io.dittofs.block.grpc;

import io.dittofs.block.local.NoSpaceException;
import io.dittofs.contracts.StatusException;
import io.dittofs.contracts.common.v1.Status;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where engine failures become neutral Status values (logged here, never sent as text). */
final class Failures {

    private static final Logger log = LoggerFactory.getLogger(Failures.class);

    private Failures() {
    }

    static Status status(String rpc, Throwable t) {
        Throwable e = t instanceof java.io.UncheckedIOException u ? u.getCause() : t;
        if (e instanceof StatusException se) {
            log.debug("{}: {}", rpc, se.getMessage());
            return se.status();
        }
        if (e instanceof NoSpaceException ns) {
            log.warn("{}: no space: {}", rpc, ns.getMessage());
            return Status.NOSPC;
        }
        if (e instanceof IOException io) {
            if (NoSpaceException.isNoSpace(io)) {
                log.warn("{}: no space: {}", rpc, io.getMessage());
                return Status.NOSPC;
            }
            log.error("{}: I/O error", rpc, io);
            return Status.IO;
        }
        if (e instanceof IllegalArgumentException iae) {
            log.debug("{}: invalid argument: {}", rpc, iae.getMessage());
            return Status.INVAL;
        }
        log.error("{}: unexpected failure", rpc, e);
        return Status.SERVERFAULT;
    }
}
