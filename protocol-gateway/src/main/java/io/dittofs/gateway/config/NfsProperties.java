package io.dittofs.gateway.config;

import io.dittofs.gateway.transport.TransportSettings;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code dittofs.nfs.*} (env: DITTOFS_NFS_PORT, DITTOFS_PORTMAP_PORT, ...).
 *
 * @param port          NFS, MOUNT and portmapper on one TCP+UDP port; 0 = any free port
 * @param portmapPort   an extra portmapper listener (111 as root); 0 = off
 * @param bindAddress   listen address; 127.0.0.1 unless clients come from other machines
 * @param maxRecordBytes largest RPC record accepted (a 1 MiB WRITE plus headers must fit)
 * @param maxConnections TCP connections accepted at once; more are closed on accept
 * @param maxConnectionsPerAddress TCP connections accepted at once from one client address
 * @param reservedConnections the last slots below max-connections, only for addresses holding none yet
 * @param firstCallTimeout a connection that has not sent one whole call by then is closed
 * @param recordDeadline a started record must be complete within this time (slow senders are closed)
 * @param maxUnsentReplyBytes unsent reply bytes per connection before it stops being read
 * @param maxBufferedBytes request and reply bytes buffered by all connections of a listener
 *                         before connections adding more stop being read
 * @param callbackTimeout how long a call from the gateway to a client waits for the reply
 * @param minVersion    lowest NFS version served: 3, 4.0, 4.1 or 4.2
 * @param maxVersion    highest NFS version served: 3, 4.0, 4.1 or 4.2
 * @param idDomain      NFSv4 owner/owner_group domain: {@code name@id-domain} for users the
 *                      control plane's identity service knows (clients' idmapd domain)
 * @param leaseTime     NFSv4 lease (lease_time attribute, lock-service lease of each client): a
 *                      client that renews within it keeps its opens and locks
 */
@Validated
@ConsistentNfsLimits
@ConfigurationProperties(prefix = "dittofs.nfs")
public record NfsProperties(
        @DefaultValue("2049") @Min(value = 0, message = "must be 0..65535 (0 = any free port); set DITTOFS_NFS_PORT, e.g. 12049 without root")
        @Max(value = 65535, message = "must be 0..65535 (0 = any free port); set DITTOFS_NFS_PORT, e.g. 12049 without root") int port,
        @DefaultValue(NfsProperties.DEFAULT_PORTMAP_PORT) @Min(value = 0, message = "must be 0 (off) or a port 1..65535; set DITTOFS_PORTMAP_PORT")
        @Max(value = 65535, message = "must be 0 (off) or a port 1..65535; set DITTOFS_PORTMAP_PORT") int portmapPort,
        @DefaultValue("127.0.0.1") @NotBlank(message = "must be an IP address to listen on, e.g. 127.0.0.1 or 0.0.0.0") String bindAddress,
        @DefaultValue("1114112") @Min(value = 1048576 + 4096, message = "must be at least 1052672 (a 1 MiB WRITE plus headers)")
        @Max(value = 67108864, message = "must be at most 67108864 (64 MiB)") int maxRecordBytes,
        @DefaultValue("64") @Min(value = 1, message = "must be 1..4096") @Max(value = 4096, message = "must be 1..4096") int maxInFlightPerConnection,
        @DefaultValue("5m") @NotNull(message = "must be a duration such as 5m")
        @DurationMin(nanos = 1, message = "must be a positive duration such as 5m") Duration idleTimeout,
        @DefaultValue("true") boolean udp,
        @DefaultValue("4096") @Min(value = 0, message = "must be 0..1000000 entries") @Max(value = 1000000, message = "must be 0..1000000 entries") int drcEntries,
        @DefaultValue("1024") @Min(value = 1, message = "must be 1..100000 connections") @Max(value = 100000, message = "must be 1..100000 connections") int maxConnections,
        @DefaultValue("256") @Min(value = 1, message = "must be 1..100000 connections") @Max(value = 100000, message = "must be 1..100000 connections") int maxConnectionsPerAddress,
        @DefaultValue("64") @Min(value = 0, message = "must be 0 or more, below max-connections") int reservedConnections,
        @DefaultValue("10s") @NotNull(message = "must be a duration such as 10s")
        @DurationMin(nanos = 1, message = "must be a positive duration such as 10s") Duration firstCallTimeout,
        @DefaultValue("30s") @NotNull(message = "must be a duration such as 30s")
        @DurationMin(nanos = 1, message = "must be a positive duration such as 30s") Duration recordDeadline,
        @DefaultValue("4194304") @Min(value = 65536, message = "must be 65536..1073741824 bytes")
        @Max(value = 1073741824, message = "must be 65536..1073741824 bytes") int maxUnsentReplyBytes,
        @DefaultValue("268435456") @Min(value = 4194304, message = "must be at least 4194304 bytes (4 MiB)") long maxBufferedBytes,
        @DefaultValue("30s") @NotNull(message = "must be a duration such as 30s")
        @DurationMin(nanos = 1, message = "must be a positive duration such as 30s") Duration callbackTimeout,
        @DefaultValue("3") @NotNull(message = "must be 3, 4.0, 4.1 or 4.2")
        @Pattern(regexp = NfsVersionRange.PATTERN, message = "must be 3, 4.0, 4.1 or 4.2") String minVersion,
        @DefaultValue("4.2") @NotNull(message = "must be 3, 4.0, 4.1 or 4.2")
        @Pattern(regexp = NfsVersionRange.PATTERN, message = "must be 3, 4.0, 4.1 or 4.2") String maxVersion,
        @DefaultValue("localdomain") @NotBlank(message = "must be a domain name such as localdomain or example.com")
        @Pattern(regexp = "[A-Za-z0-9.-]+", message = "must be a domain name such as localdomain or example.com") String idDomain,
        @DefaultValue("90s") @NotNull(message = "must be a duration of 5s..1h such as 90s")
        @DurationMin(seconds = 5, message = "must be a duration of 5s..1h such as 90s")
        @DurationMax(seconds = 3600, message = "must be a duration of 5s..1h such as 90s") Duration leaseTime) {

    /** Off; also the fallback of the DITTOFS_PORTMAP_PORT alias, so the default lives here only. */
    public static final String DEFAULT_PORTMAP_PORT = "0";

    /** The served version range; only call on validated properties. */
    public NfsVersionRange versions() {
        return NfsVersionRange.of(minVersion, maxVersion);
    }

    /** The transport limits of every NFS listener. */
    public TransportSettings transport() {
        return new TransportSettings(maxConnections, maxConnectionsPerAddress, reservedConnections, idleTimeout,
                firstCallTimeout, recordDeadline, maxInFlightPerConnection, maxUnsentReplyBytes, maxBufferedBytes);
    }
}
