package io.dittofs.control.idp;

/** The identity provider could not answer (unreachable, misconfigured, or returned bad data). */
public class DirectoryUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DirectoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
