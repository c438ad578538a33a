package io.dittofs.lock.spi;

/** The store is unreachable or failing (database down, disk error, corrupt record). Callers answer DELAY. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
