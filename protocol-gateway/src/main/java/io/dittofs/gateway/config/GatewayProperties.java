package io.dittofs.gateway.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code dittofs.gateway.*}: where the services are and what is exported.
 *
 * @param metadataTarget {@code in-process:NAME} (launcher) or {@code HOST:PORT}
 * @param blockTarget    {@code in-process:NAME} (launcher) or {@code HOST:PORT}
 * @param exports        shares; empty = one share {@code export} at {@code /export}
 */
@Validated
@ConfigurationProperties(prefix = "dittofs.gateway")
public record GatewayProperties(
        @DefaultValue("in-process:dittofs") @Pattern(regexp = TARGET, message = TARGET_MSG) String metadataTarget,
        @DefaultValue("in-process:dittofs") @Pattern(regexp = TARGET, message = TARGET_MSG) String blockTarget,
        List<@Valid Export> exports) {

    static final String TARGET = "in-process:\\S+|\\S+:\\d{1,5}";
    static final String TARGET_MSG = "must be HOST:PORT (e.g. 127.0.0.1:7101) or in-process:NAME (e.g. in-process:dittofs)";

    public GatewayProperties {
        exports = exports == null || exports.isEmpty()
                ? List.of(new Export("export", "/export", false, "root", 65534, 65534, List.of()))
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
            @DefaultValue("root") @Pattern(regexp = "(?i)none|root|all", message = "must be none, root or all") String squash,
            @DefaultValue("65534") int anonUid,
            @DefaultValue("65534") int anonGid,
            List<String> networks) {

        public Export {
            networks = networks == null ? List.of() : List.copyOf(networks);
        }
    }
}
