package io.dittofs.metadata.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dittofs.metadata.*}. The store is chosen by name and validated at start-up, so a typo
 * fails loudly with the accepted values rather than falling back to a default.
 *
 * @param store      memory | rocksdb | postgres
 * @param grpc       standalone listen address (ignored when the launcher hosts the service)
 * @param shareRoot  owner and mode of a share root when it is first created
 * @param fs         capacity reported by FSSTAT
 * @param content    where released content goes (the block-service)
 * @param cacheLease how long a gateway with an attribute cache may go unheard before a mutation
 *                   stops waiting for its acknowledgement and drops it (default 2s; see
 *                   docs/architecture.md, "Gateway attribute cache: coherence")
 */
@ConfigurationProperties(prefix = "dittofs.metadata")
public record MetadataProperties(
        @DefaultValue("rocksdb") String store,
        @DefaultValue Rocksdb rocksdb,
        @DefaultValue Postgres postgres,
        @DefaultValue Grpc grpc,
        @DefaultValue ShareRoot shareRoot,
        @DefaultValue Fs fs,
        @DefaultValue("4096") int maxReaddirEntries,
        @DefaultValue Content content,
        @DefaultValue("2s") java.time.Duration cacheLease) {

    /**
     * @param path           default {@code ${dittofs.data-dir:./data}/metadata}
     * @param sync           fsync the WAL (false: a power failure may lose recent changes)
     * @param asyncNamespace unset (default): namespace changes are durable before the reply; a
     *                       duration (e.g. {@code 100ms}): they are acknowledged once written to
     *                       the OS and synced within that delay (knfsd's {@code async}; see
     *                       docs/metadata-service.md)
     */
    public record Rocksdb(String path, @DefaultValue("true") boolean sync, java.time.Duration asyncNamespace) {
    }

    public record Postgres(@DefaultValue("jdbc:postgresql://127.0.0.1:5432/dittofs") String url,
                           @DefaultValue("postgres") String username,
                           @DefaultValue("") String password,
                           @DefaultValue("dittofs_metadata") String schema,
                           @DefaultValue("8") int poolSize) {
    }

    public record Grpc(@DefaultValue("127.0.0.1:7101") String listen) {
    }

    public record ShareRoot(@DefaultValue("0755") String mode, @DefaultValue("0") int uid, @DefaultValue("0") int gid) {
    }

    /**
     * @param blockTarget   the block-service ({@code HOST:PORT} or {@code in-process:NAME}) that the
     *                      content outbox is drained to; blank = no content service, nothing recorded
     *                      (space of removed and shrunk files is then never reclaimed)
     * @param retryInterval how often entries that could not be applied are retried; bounds how
     *                      long after the block-service comes back its space is reclaimed
     */
    public record Content(@DefaultValue("") String blockTarget, @DefaultValue("2s") java.time.Duration retryInterval) {
    }

    public record Fs(@DefaultValue("1099511627776") long totalBytes, @DefaultValue("4294967296") long totalFiles) {
    }
}
