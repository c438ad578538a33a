package io.dittofs.control.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code dittofs.control.*}. The initial admin password may also come from the environment
 * variable DITTOFS_ADMIN_INITIAL_PASSWORD; it applies when the data dir has no admin yet, or on
 * every start with {@code reset-admin-password=true} (./dittofs --reset-admin-password).
 */
@ConfigurationProperties("dittofs.control")
public record ControlPlaneProperties(Grpc grpc, Jwt jwt, String adminInitialPassword, Boolean seed,
                                     Boolean resetAdminPassword, Long maxRequestBytes, LoginThrottle loginThrottle,
                                     Management management) {

    /** Largest accepted request body (max-request-bytes); larger ones get 413. */
    public static final long DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024;

    public ControlPlaneProperties {
        maxRequestBytes = maxRequestBytes != null ? maxRequestBytes : DEFAULT_MAX_REQUEST_BYTES;
        if (maxRequestBytes < 1024) {
            throw new IllegalArgumentException("dittofs.control.max-request-bytes=" + maxRequestBytes
                    + " is too small for the API's requests; set it to at least 1024 (default 1048576)");
        }
        resetAdminPassword = resetAdminPassword != null && resetAdminPassword;
        grpc = grpc != null ? grpc : new Grpc(null);
        jwt = jwt != null ? jwt : new Jwt(null, null, null);
        seed = seed == null || seed;
        loginThrottle = loginThrottle != null ? loginThrottle : new LoginThrottle(null, null, null, null, null, null);
        management = management != null ? management : new Management(null);
    }

    /**
     * {@code dittofs.control.login-throttle.*}: failed logins a user name (free-attempts-per-user,
     * default 5) and a source address (free-attempts-per-address, default 20) may make before each
     * further failure blocks it for base-delay (1s) doubling up to max-delay (15m); counts are
     * forgotten after forget-after (1h) without a failure; at most max-tracked (10000) names and
     * addresses each are remembered.
     */
    public record LoginThrottle(Integer freeAttemptsPerUser, Integer freeAttemptsPerAddress, Duration baseDelay,
                                Duration maxDelay, Duration forgetAfter, Integer maxTracked) {
        public LoginThrottle {
            freeAttemptsPerUser = freeAttemptsPerUser != null ? freeAttemptsPerUser : 5;
            freeAttemptsPerAddress = freeAttemptsPerAddress != null ? freeAttemptsPerAddress : 20;
            baseDelay = baseDelay != null ? baseDelay : Duration.ofSeconds(1);
            maxDelay = maxDelay != null ? maxDelay : Duration.ofMinutes(15);
            forgetAfter = forgetAfter != null ? forgetAfter : Duration.ofHours(1);
            maxTracked = maxTracked != null ? maxTracked : 10_000;
            if (freeAttemptsPerUser < 1 || freeAttemptsPerAddress < 1) {
                throw new IllegalArgumentException("dittofs.control.login-throttle.free-attempts-per-user/-per-address must be"
                        + " at least 1 (defaults 5 and 20)");
            }
            if (baseDelay.toMillis() < 1 || maxDelay.compareTo(baseDelay) < 0) {
                throw new IllegalArgumentException("dittofs.control.login-throttle.base-delay=" + baseDelay + " must be at least"
                        + " 1ms and max-delay=" + maxDelay + " at least base-delay (defaults 1s and 15m)");
            }
            if (maxTracked < 100 || forgetAfter.isNegative() || forgetAfter.isZero()) {
                throw new IllegalArgumentException("dittofs.control.login-throttle.max-tracked=" + maxTracked
                        + " must be at least 100 and forget-after=" + forgetAfter + " positive (defaults 10000 and 1h)");
            }
        }
    }

    /**
     * {@code dittofs.control.management.scrape-token}: an optional static bearer token (at least 32
     * characters) that may read /actuator/prometheus and nothing else, for a Prometheus server that
     * cannot log in. Every other actuator endpoint but health needs an admin token.
     */
    public record Management(String scrapeToken) {
        public Management {
            if (scrapeToken != null && !scrapeToken.isEmpty() && scrapeToken.length() < 32) {
                throw new IllegalArgumentException("dittofs.control.management.scrape-token is " + scrapeToken.length()
                        + " characters; use at least 32 random characters (e.g. openssl rand -hex 32) or leave it unset");
            }
            scrapeToken = scrapeToken == null || scrapeToken.isEmpty() ? null : scrapeToken;
        }
    }

    /** {@code dittofs.control.grpc.listen}: HOST:PORT, unix:PATH or in-process:NAME; default 127.0.0.1:7104. */
    public record Grpc(String listen) {
        public Grpc {
            listen = listen != null ? listen : "127.0.0.1:7104";
        }
    }

    /** HMAC secret (≥ 32 bytes; generated and stored in the database when unset) and token lifetimes. */
    public record Jwt(String secret, Duration accessTtl, Duration refreshTtl) {
        public Jwt {
            accessTtl = accessTtl != null ? accessTtl : Duration.ofMinutes(15);
            refreshTtl = refreshTtl != null ? refreshTtl : Duration.ofDays(7);
        }
    }

    public String initialPassword() {
        if (adminInitialPassword != null && !adminInitialPassword.isEmpty()) {
            return adminInitialPassword;
        }
        return System.getenv("DITTOFS_ADMIN_INITIAL_PASSWORD");
    }
}
