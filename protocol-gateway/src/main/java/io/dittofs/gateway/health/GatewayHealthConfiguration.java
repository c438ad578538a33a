package io.dittofs.gateway.health;

import io.dittofs.gateway.config.NfsListeners;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Health of the standalone gateway: which protocol listeners are up (imported by GatewayApplication). */
@Configuration(proxyBeanMethods = false)
public class GatewayHealthConfiguration {

    /** "gatewayListeners": UP while the NFS listener (NFSv3 + MOUNT) is bound; details name each listener and its port. */
    @Bean
    HealthIndicator gatewayListenersHealthIndicator(ObjectProvider<NfsListeners> nfs) {
        return () -> {
            NfsListeners l = nfs.getIfAvailable();
            boolean up = l != null && l.isRunning() && l.port() > 0;
            Map<String, Object> nfsDetail = up ? Map.of("status", "UP", "port", l.port(), "protocols", "NFSv3, MOUNT v3")
                    : Map.of("status", "DOWN");
            return (up ? Health.up() : Health.down()).withDetail("nfs", nfsDetail).build();
        };
    }
}
