package io.dittofs.gateway.config;

import io.dittofs.gateway.transport.TransportSettings;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code dittofs.smb.*} (env: DITTOFS_SMB_PORT, ...).
 *
 * @param enabled         the SMB2/3 listener runs
 * @param port            TCP port; 12445 by default because 445 needs root (set 445 when running as root); 0 = any free port
 * @param bindAddress     listen address; 127.0.0.1 unless clients come from other machines
 * @param signingRequired authenticated sessions must sign every message (guest and anonymous cannot sign)
 * @param serverName      NetBIOS name announced by NTLM
 * @param domain          NetBIOS domain announced by NTLM
 * @param allowGuest      an unknown user gets a guest session instead of LOGON_FAILURE
 * @param staticUsers     TEST ONLY: {@code user:password:uid:gid} entries used when the gateway does not follow a
 *                        control plane (NT hashes otherwise come from the control plane's IdentityService)
 * @param maxConnections  TCP connections accepted at once
 * @param idleTimeout     a connection with nothing in flight and no traffic is closed
 * @param encryptionRequired every session must encrypt (SMB 3.x; 2.x logons are refused)
 * @param encryptedShares names of shares whose tree connects must encrypt (3.x only reach them)
 * @param oplockBreakTimeout how long an oplock break waits for the holder's acknowledgment before the
 *                        server gives up for it and the breaking CREATE goes on (MS-SMB2: 35 s)
 */
@Validated
@ConfigurationProperties(prefix = "dittofs.smb")
public record SmbProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("12445") @Min(value = 0, message = "must be 0..65535 (0 = any free port); set DITTOFS_SMB_PORT, e.g. 12445 without root or 445 as root")
        @Max(value = 65535, message = "must be 0..65535 (0 = any free port); set DITTOFS_SMB_PORT, e.g. 12445 without root or 445 as root") int port,
        @DefaultValue("127.0.0.1") @NotBlank(message = "must be an IP address to listen on, e.g. 127.0.0.1 or 0.0.0.0") String bindAddress,
        @DefaultValue("true") boolean signingRequired,
        @DefaultValue("DITTOFS") @Pattern(regexp = "[A-Za-z0-9-]{1,15}", message = "must be a NetBIOS name of 1..15 letters, digits or '-'; set dittofs.smb.server-name") String serverName,
        @DefaultValue("WORKGROUP") @Pattern(regexp = "[A-Za-z0-9-]{1,15}", message = "must be a NetBIOS domain of 1..15 letters, digits or '-'; set dittofs.smb.domain") String domain,
        @DefaultValue("false") boolean allowGuest,
        List<@Pattern(regexp = "[^:]+:[^:]*:[0-9]+:[0-9]+", message = "must be user:password:uid:gid; fix dittofs.smb.static-users") String> staticUsers,
        @DefaultValue("1024") @Min(value = 1, message = "must be 1..65536; set dittofs.smb.max-connections")
        @Max(value = 65536, message = "must be 1..65536; set dittofs.smb.max-connections") int maxConnections,
        @DefaultValue("15m") @NotNull(message = "must be a duration such as 15m")
        @DurationMin(nanos = 1, message = "must be a positive duration such as 15m; set dittofs.smb.idle-timeout") Duration idleTimeout,
        @DefaultValue("false") boolean encryptionRequired,
        List<@Pattern(regexp = "[^/\\\\:*?\"<>|]{1,80}", message = "must be a share name; fix dittofs.smb.encrypted-shares") String> encryptedShares,
        @DefaultValue("35s") @NotNull(message = "must be a duration such as 35s")
        @DurationMin(nanos = 1, message = "must be a positive duration such as 35s; set dittofs.smb.oplock-break-timeout") Duration oplockBreakTimeout) {

    public SmbProperties {
        staticUsers = staticUsers == null ? List.of() : List.copyOf(staticUsers);
        encryptedShares = encryptedShares == null ? List.of() : List.copyOf(encryptedShares);
        oplockBreakTimeout = oplockBreakTimeout == null ? Duration.ofSeconds(35) : oplockBreakTimeout;
    }

    /** 1 MiB reads and writes (LARGE_MTU) plus headers. */
    public static final int MAX_IO = 1 << 20;

    public TransportSettings transport() {
        Duration frame = Duration.ofSeconds(30);
        return new TransportSettings(maxConnections, Math.min(maxConnections, 64), 0, idleTimeout, frame, frame,
                64, 4 << 20, 256L << 20);
    }
}
