package io.dittofs.launcher.startup;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationErrors;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
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
            if (t instanceof BindValidationException v) {
                return Optional.of(invalid(v.getValidationErrors()));
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

    /** "dittofs.nfs.max-in-flight-per-connection=0: must be 1..4096" for each rejected value. */
    private static String invalid(ValidationErrors errors) {
        List<String> lines = new ArrayList<>();
        for (ObjectError e : errors.getAllErrors()) {
            if (e instanceof FieldError f) {
                String name = errors.getName() + "." + DataObjectPropertyName.toDashedForm(f.getField());
                lines.add(name + "=" + f.getRejectedValue() + ": " + f.getDefaultMessage()
                        + " (set --" + name + "=... or its environment variable)");
            } else {
                lines.add(errors.getName() + ": " + e.getDefaultMessage());
            }
        }
        return String.join("\n", lines);
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
