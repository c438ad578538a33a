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
                                     Boolean resetAdminPassword, Long maxRequestBytes) {

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
    }

    /** {@code dittofs.control.grpc.listen}: HOST:PORT or in-process:NAME; default 127.0.0.1:7104. */
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
