package io.dittofs.gateway.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code dittofs.gateway.*}: where the services are and what is exported. Every gateway key and
 * its default is declared here or in {@link NfsProperties}; nothing reads the Environment.
 *
 * @param metadataTarget     {@code in-process:NAME} (launcher), {@code HOST:PORT} or {@code unix:PATH}
 * @param blockTarget        {@code in-process:NAME} (launcher), {@code HOST:PORT} or {@code unix:PATH}
 * @param lockTarget         the lock-service: {@code in-process:NAME} (launcher), {@code HOST:PORT} or {@code unix:PATH}
 * @param gatewayId          this gateway's name at the lock-service (where its clients' lock events go);
 *                           empty = host name and NFS port, stable across restarts
 * @param controlTarget      the control plane's watch stream; empty = the static {@code exports}
 * @param followControlPlane false ignores {@code controlTarget} (the launcher sets it from
 *                           {@code dittofs.control.enabled})
 * @param shareSnapshot      file keeping the control plane's last share configuration, so a restarted
 *                           gateway serves before the control plane is back; empty = none (the
 *                           launcher sets {@code <data-dir>/gateway/shares.snapshot})
 * @param nettyLeakDetection Netty's buffer leak tracking: disabled (default: its sampling costs 1–2 %
 *                           of the CPU of small calls), simple, advanced or paranoid (every buffer)
 * @param exports            static shares; empty = one share {@code export} at {@code /export}
 */
@Validated
@ConfigurationProperties(prefix = "dittofs.gateway")
public record GatewayProperties(
        @DefaultValue("in-process:dittofs") @Pattern(regexp = TARGET, message = TARGET_MSG) String metadataTarget,
        @DefaultValue("in-process:dittofs") @Pattern(regexp = TARGET, message = TARGET_MSG) String blockTarget,
        @DefaultValue("in-process:dittofs") @Pattern(regexp = TARGET, message = TARGET_MSG) String lockTarget,
        @DefaultValue("") @Pattern(regexp = "[\\w.:@-]{0,128}", message = "must be at most 128 letters, digits or . : @ - _; set dittofs.gateway.gateway-id")
        String gatewayId,
        @DefaultValue("") @Pattern(regexp = "|" + TARGET, message = "must be empty (static exports), HOST:PORT, unix:PATH or in-process:NAME; set dittofs.gateway.control-target")
        String controlTarget,
        @DefaultValue("true") boolean followControlPlane,
        @DefaultValue("") String shareSnapshot,
        @DefaultValue("disabled") @Pattern(regexp = "(?i)disabled|simple|advanced|paranoid",
                message = "must be disabled, simple, advanced or paranoid; set dittofs.gateway.netty-leak-detection")
        String nettyLeakDetection,
        List<@Valid Export> exports) {

    static final String TARGET = "in-process:\\S+|unix:\\S+|\\S+:\\d{1,5}";
    static final String NETWORK = "\\s*[0-9a-fA-F:.]+(/\\d{1,3})?\\s*";
    static final String TARGET_MSG = "must be HOST:PORT (e.g. 127.0.0.1:7101), unix:PATH (e.g. unix:/run/dittofs/metadata.sock) or in-process:NAME (e.g. in-process:dittofs)";

    /** The control plane to watch, or empty when shares are the static {@code exports}. */
    public Optional<String> watchedControlPlane() {
        return followControlPlane && !controlTarget.isBlank() ? Optional.of(controlTarget) : Optional.empty();
    }

    public GatewayProperties {
        exports = exports == null || exports.isEmpty()
                ? List.of(new Export("export", "/export", false, Export.DEFAULT_SQUASH, Export.ANON_ID, Export.ANON_ID, List.of()))
                : List.copyOf(exports);
    }

    /**
     * One share.
     *
     * @param squash   none | root | all
     * @param networks allowed client networks (CIDR); empty = any
     */
    public record Export(
            @NotBlank(message = "must name the share, e.g. export") String name,
            @NotBlank @Pattern(regexp = "/\\S*", message = "must be an absolute path such as /export") String path,
            @DefaultValue("false") boolean readOnly,
            @DefaultValue(DEFAULT_SQUASH) @Pattern(regexp = "(?i)none|root|all", message = "must be none, root or all") String squash,
            @DefaultValue(ANON_ID_TEXT) int anonUid,
            @DefaultValue(ANON_ID_TEXT) int anonGid,
            List<@Pattern(regexp = NETWORK, message = "must be an IP network such as 10.0.0.0/8 or ::1/128") String> networks) {

        static final String DEFAULT_SQUASH = "root";
        static final String ANON_ID_TEXT = "65534";
        static final int ANON_ID = 65534;

        public Export {
            networks = networks == null ? List.of() : List.copyOf(networks);
        }
    }
}
