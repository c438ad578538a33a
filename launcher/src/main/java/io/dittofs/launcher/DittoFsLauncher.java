package io.dittofs.launcher;

import io.dittofs.block.config.BlockServiceConfiguration;
import io.dittofs.gateway.config.GatewayConfiguration;
import io.dittofs.metadata.config.MetadataServiceConfiguration;
import io.grpc.BindableService;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * The whole suite in one JVM, the embedded default: RocksDB metadata and filesystem blocks under
 * {@code dittofs.data-dir} (env DITTOFS_DATA_DIR, default ./data), every service on one in-process
 * gRPC server, NFS on {@code dittofs.nfs.port}. SIGTERM stops the listeners, then the services,
 * then flushes and closes the stores.
 */
@SpringBootConfiguration
@Import({
        MetadataServiceConfiguration.class,
        BlockServiceConfiguration.class,
        GatewayConfiguration.class,
        // next: LockServiceConfiguration, control-plane configuration (their BindableService beans
        // are hosted by ServiceHost automatically)
})
public class DittoFsLauncher {

    /** Where every service is hosted; the gateway's targets default to the same name. */
    public static final String DEFAULT_LISTEN = "in-process:dittofs";

    @Bean
    public ServiceHost dittofsServiceHost(Environment env, ObjectProvider<BindableService> services) {
        return new ServiceHost(env.getProperty("dittofs.launcher.grpc.listen", DEFAULT_LISTEN),
                services.orderedStream().toList());
    }

    public static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(DittoFsLauncher.class).web(WebApplicationType.NONE)
                .registerShutdownHook(true).run(args);
    }

    public static void main(String[] args) {
        start(args);
    }

    static List<Class<?>> configurations() {
        return List.of(MetadataServiceConfiguration.class, BlockServiceConfiguration.class, GatewayConfiguration.class);
    }
}
