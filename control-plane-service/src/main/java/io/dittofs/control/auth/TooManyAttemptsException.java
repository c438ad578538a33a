package io.dittofs.control.auth;

import io.dittofs.control.api.ApiException;
import java.time.Duration;
import org.springframework.http.HttpStatus;

/** 429 for a login refused by the back-off; carries the wait for the Retry-After header. */
public class TooManyAttemptsException extends ApiException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public TooManyAttemptsException(Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts",
                "too many failed logins for this user or from this address; retry after "
                        + retryAfterSeconds(retryAfter) + " s", null);
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, rounded up so a client that waits exactly this long is let in. */
    public long retryAfterSeconds() {
        return retryAfterSeconds(retryAfter);
    }

    private static long retryAfterSeconds(Duration d) {
        long s = d.toSeconds();
        return d.equals(Duration.ofSeconds(s)) ? Math.max(1, s) : s + 1;
    }
}
