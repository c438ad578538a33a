package io.dittofs.launcher;

import io.dittofs.block.config.BlockServiceConfiguration;
import io.dittofs.gateway.config.GatewayConfiguration;
import io.dittofs.lock.config.LockServiceConfiguration;
import io.dittofs.metadata.config.MetadataServiceConfiguration;
import io.grpc.BindableService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * The whole suite in one JVM, the embedded default: RocksDB metadata and locks, filesystem blocks under
 * {@code dittofs.data-dir} (env DITTOFS_DATA_DIR, default ./data), every service on one in-process
 * gRPC server, NFS on {@code dittofs.nfs.port}. SIGTERM stops the listeners, then the services,
 * then flushes and closes the stores.
 */
@SpringBootConfiguration
@Import({
        MetadataServiceConfiguration.class,
        BlockServiceConfiguration.class,
        LockServiceConfiguration.class,
        GatewayConfiguration.class,
})
public class DittoFsLauncher {

    /** Where every service is hosted; the gateway's targets default to the same name. */
    public static final String DEFAULT_LISTEN = "in-process:dittofs";

    /** Hosts this context's services and the embedded control plane's (it stops before the latter closes). */
    @Bean
    public ServiceHost dittofsServiceHost(Environment env, ObjectProvider<BindableService> services,
                                          ObjectProvider<EmbeddedControlPlane> controlPlane) {
        List<BindableService> all = new ArrayList<>(services.orderedStream().toList());
        controlPlane.ifAvailable(cp -> all.addAll(cp.grpcServices()));
        return new ServiceHost(env.getProperty("dittofs.launcher.grpc.listen", DEFAULT_LISTEN), all);
    }

    /**
     * The control plane in this JVM (off with dittofs.control.enabled=false): REST on
     * dittofs.control.http-port (env DITTOFS_API_PORT, 8080; 0 = any free port, see api.port).
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "dittofs.control.enabled", havingValue = "true", matchIfMissing = true)
    public EmbeddedControlPlane dittofsControlPlane(Environment env, ApplicationArguments args) {
        int port = env.getProperty("dittofs.control.http-port", Integer.class, 8080);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("dittofs.control.http-port=" + port
                    + " is not a TCP port; set dittofs.control.http-port (env DITTOFS_API_PORT) to 0-65535");
        }
        return EmbeddedControlPlane.start(port, Path.of(env.getProperty("dittofs.data-dir", "./data")),
                args.getSourceArgs());
    }

    public static ConfigurableApplicationContext start(String... args) {
        // a default property, not application.properties: services started alone from this jar
        // (-Dloader.main) read that file too and have no in-process control plane
        return new SpringApplicationBuilder(DittoFsLauncher.class).web(WebApplicationType.NONE)
                .properties("dittofs.gateway.control-target=" + DEFAULT_LISTEN)
                .registerShutdownHook(true).run(args);
    }

    public static void main(String[] args) {
        start(args);
    }

    static List<Class<?>> configurations() {
        return List.of(MetadataServiceConfiguration.class, BlockServiceConfiguration.class,
                LockServiceConfiguration.class, GatewayConfiguration.class);
    }
}
