package io.dittofs.contracts;

import io.dittofs.contracts.common.v1.Status;
import java.util.Objects;

/**
 * A neutral failure inside a service. Service endpoints turn it into the response's Status field;
 * it never crosses the wire as text. The message is for the server log only.
 */
public final class StatusException extends RuntimeException {

    private final Status status;

    public StatusException(Status status, String logMessage) {
        super(status + ": " + logMessage, null, false, false);
        this.status = Objects.requireNonNull(status, "status");
        if (status == Status.OK) {
            throw new IllegalArgumentException("StatusException needs a failure status");
        }
    }

    public Status status() {
        return status;
    }
}
