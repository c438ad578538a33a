package io.dittofs.gateway;

import io.dittofs.gateway.config.GatewayConfiguration;
import io.dittofs.gateway.config.NfsProperties;
import io.dittofs.gateway.health.GatewayHealthConfiguration;
import io.dittofs.service.Management;
import io.dittofs.service.StandaloneServer;
import org.springframework.context.ConfigurableApplicationContext;
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
@Import({GatewayConfiguration.class, GatewayHealthConfiguration.class})
public class GatewayApplication {

    /** Env names that relaxed binding alone would not map onto dittofs.nfs.portmap-port. */
    public static final String ENV_DEFAULTS = "dittofs.nfs.portmap-port=${DITTOFS_PORTMAP_PORT:"
            + NfsProperties.DEFAULT_PORTMAP_PORT + "}";

    public static void main(String[] args) {
        start(args);
    }

    /** Starts the gateway; with dittofs.management.port also its actuator endpoints. */
    public static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(GatewayApplication.class).web(Management.webType(args))
                .properties(ENV_DEFAULTS, StandaloneServer.NO_DATABASE).properties(Management.defaults("protocol-gateway"))
                .registerShutdownHook(true).run(args);
    }
}
