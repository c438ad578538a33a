package io.dittofs.metadata.spi;

/** The store itself failed (I/O, database down); the namespace answers SERVERFAULT or DELAY. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
