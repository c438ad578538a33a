package io.dittofs.metadata;

import io.dittofs.contracts.grpc.GrpcServerHost;
import io.grpc.BindableService;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The metadata-service on its own: hosts every BindableService bean on
 * {@code dittofs.metadata.grpc.listen} (default 127.0.0.1:7101). No web server.
 */
@SpringBootApplication
public class MetadataServiceApplication {

    private static final Logger log = LoggerFactory.getLogger(MetadataServiceApplication.class);

    /** A running standalone service; closing it stops the server, then the context (and its store). */
    public record Running(ConfigurableApplicationContext context, GrpcServerHost server) implements AutoCloseable {
        @Override
        public void close() {
            try {
                server.close();
            } finally {
                context.close();
            }
        }
    }

    public static Running start(String... args) {
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(MetadataServiceApplication.class)
                .web(WebApplicationType.NONE)
                .run(args);
        try {
            String listen = ctx.getEnvironment().getProperty("dittofs.metadata.grpc.listen", "127.0.0.1:7101");
            List<BindableService> services = List.copyOf(ctx.getBeansOfType(BindableService.class).values());
            GrpcServerHost host = GrpcServerHost.start(listen, services);
            log.info("metadata-service listening on {} (port {}) with {} service(s)", listen, host.port(), services.size());
            return new Running(ctx, host);
        } catch (RuntimeException e) {
            ctx.close();
            throw e;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Running running = start(args);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            stopped.countDown();
        }, "metadata-shutdown"));
        stopped.await();
    }
}
