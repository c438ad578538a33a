package io.dittofs.launcher.startup;

/**
 * A start-up refusal already phrased for the user (the value, the setting and the fix); the
 * launcher prints its message as is, without a stack trace, and exits non-zero.
 */
public final class StartupFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StartupFailure(String message) {
        super(message, null, false, false);
    }

    public StartupFailure(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
