package io.dittofs.control.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * The security audit trail: logins (success, failure, throttled), logouts and every change made
 * through the admin API, on the dedicated SLF4J logger {@code dittofs.audit}. Each event carries
 * key/value pairs (event, user, source, ...) for structured log formats and repeats them in the
 * message for plain ones. Never passwords or tokens.
 */
public final class AuditLog {

    public static final String LOGGER = "dittofs.audit";
    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    public void loginSucceeded(String user, String source) {
        log.atInfo().addKeyValue("event", "login").addKeyValue("outcome", "success")
                .addKeyValue("user", user).addKeyValue("source", source)
                .log("event=login outcome=success user={} source={}", clean(user), source);
    }

    public void loginFailed(String user, String source, long blockedForSeconds) {
        log.atWarn().addKeyValue("event", "login").addKeyValue("outcome", "failure")
                .addKeyValue("user", user).addKeyValue("source", source).addKeyValue("blockedSeconds", blockedForSeconds)
                .log("event=login outcome=failure user={} source={} blockedSeconds={}", clean(user), source, blockedForSeconds);
    }

    public void loginThrottled(String user, String source, long retryAfterSeconds) {
        log.atWarn().addKeyValue("event", "login").addKeyValue("outcome", "throttled")
                .addKeyValue("user", user).addKeyValue("source", source).addKeyValue("retryAfterSeconds", retryAfterSeconds)
                .log("event=login outcome=throttled user={} source={} retryAfterSeconds={}", clean(user), source, retryAfterSeconds);
    }

    public void logout(String user, String source) {
        log.atInfo().addKeyValue("event", "logout").addKeyValue("user", user).addKeyValue("source", source)
                .log("event=logout user={} source={}", clean(user), source);
    }

    /** A request that changes state (POST/PUT/PATCH/DELETE under /api/v1), with its outcome. */
    public void change(String user, String source, String method, String path, int status) {
        LoggingEventBuilder b = status < 400 ? log.atInfo() : log.atWarn();
        b.addKeyValue("event", "admin-change").addKeyValue("user", user).addKeyValue("source", source)
                .addKeyValue("method", method).addKeyValue("path", path).addKeyValue("status", status)
                .log("event=admin-change user={} source={} method={} path={} status={}", clean(user), source, method,
                        clean(path), status);
    }

    /** A user name comes from the request: no line breaks that could forge audit lines. */
    static String clean(String s) {
        if (s == null) {
            return "-";
        }
        StringBuilder b = new StringBuilder(Math.min(s.length(), 200));
        for (int i = 0; i < s.length() && i < 200; i++) {
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) || c == ' ' ? '_' : c);
        }
        return b.toString();
    }
}
