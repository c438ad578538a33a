package io.dittofs.launcher.startup;

import java.util.Optional;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.StandardEnvironment;

/**
 * Turns a start-up exception into the user's one-line answer when it is one we know: a refusal
 * already phrased ({@link StartupFailure}), a socket that could not be bound (the listener is
 * found by checking each configured port again), or a data directory another process holds.
 */
public final class FailureExplainer {

    private FailureExplainer() {
    }

    public static Optional<String> explain(Throwable failure, ConfigurableEnvironment env) {
        ConfigurableEnvironment e = env != null ? env : new StandardEnvironment();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StartupFailure f) {
                return Optional.of(f.getMessage());
            }
        }
        if (message(failure, "Database may be already in use") || message(failure, "lock hold by current process")
                || message(failure, "/LOCK: ")) {
            return Optional.of("data dir " + e.getProperty(Setting.DATA_DIR.property(), "./data")
                    + " is in use by another DittoFS process; stop that one or set " + Setting.DATA_DIR.names()
                    + " to another directory");
        }
        if (any(failure, "PortInUseException") || any(failure, "BindException") || message(failure, "already in use")
                || message(failure, "bind(")) {
            for (Listener l : StartupChecks.listeners(e)) {
                Optional<String> p = l.problem();
                if (p.isPresent()) {
                    return p;
                }
            }
            return Optional.of("a listener could not open its port (" + rootMessage(failure) + "); check "
                    + Setting.NFS_PORT.names() + ", " + Setting.PORTMAP_PORT.names() + " and " + Setting.API_PORT.names());
        }
        return Optional.empty();
    }

    private static boolean any(Throwable failure, String simpleName) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
                if (c.getSimpleName().equals(simpleName)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean message(Throwable failure, String text) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(text)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
