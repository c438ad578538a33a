package io.dittofs.gateway.fs;

/**
 * A service could not be reached or failed the call itself (not a file-system outcome).
 * Protocols answer with their "try again" code when {@link #retryable()}, else a server fault.
 */
public final class ServiceCallException extends RuntimeException {

    private final boolean retryable;

    public ServiceCallException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
