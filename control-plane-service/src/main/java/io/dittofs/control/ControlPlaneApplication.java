package io.dittofs.control;

import io.dittofs.contracts.grpc.GrpcServerHost;
import io.dittofs.control.config.ControlPlaneConfiguration;
import io.dittofs.control.config.ControlPlaneProperties;
import io.dittofs.control.watch.ConfigWatchGrpcService;
import io.dittofs.control.watch.IdentityGrpcService;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The control plane on its own: REST on server.port (8080), gRPC on dittofs.control.grpc.listen
 * (127.0.0.1:7104). Inside another process (the one-JVM launcher) either @Import
 * ControlPlaneConfiguration into a context that has auto-configuration and a servlet web server,
 * or call {@link #startEmbedded} and host its BindableService beans on the shared gRPC server.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(ControlPlaneConfiguration.class)
public class ControlPlaneApplication {

    public static void main(String[] args) {
        SpringApplication.run(ControlPlaneApplication.class, args);
    }

    /**
     * Starts the control plane (REST, database, bootstrap) in this JVM without its own gRPC server:
     * the caller hosts the beans {@code configWatchGrpcService} and {@code identityGrpcService}.
     */
    public static ConfigurableApplicationContext startEmbedded(String... args) {
        return new SpringApplicationBuilder(ControlPlaneApplication.class)
                .properties("dittofs.control.grpc.enabled=false")
                .run(args);
    }

    /** Off with dittofs.control.grpc.enabled=false (then whoever embeds us hosts the services). */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "dittofs.control.grpc.enabled", havingValue = "true", matchIfMissing = true)
    public GrpcServerHost controlPlaneGrpcServer(ControlPlaneProperties props, ConfigWatchGrpcService watch,
                                                 IdentityGrpcService identity) {
        return GrpcServerHost.start(props.grpc().listen(), List.of(watch, identity));
    }
}
