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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The control plane on its own: REST on server.port (8080), gRPC on dittofs.control.grpc.listen
 * (127.0.0.1:7104). In the one-JVM launcher only ControlPlaneConfiguration is imported.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(ControlPlaneConfiguration.class)
public class ControlPlaneApplication {

    public static void main(String[] args) {
        SpringApplication.run(ControlPlaneApplication.class, args);
    }

    @Bean(destroyMethod = "close")
    public GrpcServerHost controlPlaneGrpcServer(ControlPlaneProperties props, ConfigWatchGrpcService watch,
                                                 IdentityGrpcService identity) {
        return GrpcServerHost.start(props.grpc().listen(), List.of(watch, identity));
    }
}
