package io.dittofs.lock.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dittofs.lock.*}. The store is chosen by name and validated at start-up
 * ({@link LockServiceConfiguration#validate}), so a typo fails with the accepted values.
 *
 * @param store                memory | rocksdb | postgres
 * @param graceSeconds         grace period after a start with persisted state (0 = none)
 * @param breakTimeoutSeconds  how long a holder has to acknowledge a break before revocation
 * @param grpc                 standalone listen address (ignored when the launcher hosts the service)
 */
@ConfigurationProperties(prefix = "dittofs.lock")
public record LockProperties(
        @DefaultValue("rocksdb") String store,
        @DefaultValue Rocksdb rocksdb,
        @DefaultValue Postgres postgres,
        @DefaultValue Grpc grpc,
        @DefaultValue("90") int graceSeconds,
        @DefaultValue("35") int breakTimeoutSeconds) {

    /** @param path default {@code ${dittofs.data-dir:./data}/lock} */
    public record Rocksdb(String path, @DefaultValue("true") boolean sync) {
    }

    public record Postgres(@DefaultValue("jdbc:postgresql://127.0.0.1:5432/dittofs") String url,
                           @DefaultValue("postgres") String username,
                           @DefaultValue("") String password,
                           @DefaultValue("dittofs_lock") String schema,
                           @DefaultValue("4") int poolSize) {
    }

    public record Grpc(@DefaultValue("127.0.0.1:7103") String listen) {
    }
}
