package io.dittofs.gateway;

import io.dittofs.gateway.config.GatewayConfiguration;
import io.dittofs.gateway.config.NfsProperties;
import io.dittofs.service.StandaloneServer;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

/**
 * The gateway on its own, pointed at remote services:
 * {@code --dittofs.gateway.metadata-target=HOST:PORT --dittofs.gateway.block-target=HOST:PORT}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(GatewayConfiguration.class)
public class GatewayApplication {

    /** Env names that relaxed binding alone would not map onto dittofs.nfs.portmap-port. */
    public static final String ENV_DEFAULTS = "dittofs.nfs.portmap-port=${DITTOFS_PORTMAP_PORT:"
            + NfsProperties.DEFAULT_PORTMAP_PORT + "}";

    public static void main(String[] args) {
        new SpringApplicationBuilder(GatewayApplication.class).web(WebApplicationType.NONE)
                .properties(ENV_DEFAULTS, StandaloneServer.NO_DATABASE).registerShutdownHook(true).run(args);
    }
}
