package io.dittofs.block;

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
 * The block-service on its own: hosts every BindableService bean on
 * {@code dittofs.block.grpc.listen} (default 127.0.0.1:7102). No web server. SIGTERM stops the
 * server, then the context: the engine checkpoints and the tiers close.
 */
@SpringBootApplication
public class BlockServiceApplication {

    private static final Logger log = LoggerFactory.getLogger(BlockServiceApplication.class);

    /** A running standalone service; closing it stops the server, then the context. */
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
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(BlockServiceApplication.class)
                .web(WebApplicationType.NONE)
                .registerShutdownHook(false)
                .run(args);
        try {
            String listen = ctx.getEnvironment().getProperty("dittofs.block.grpc.listen", "127.0.0.1:7102");
            List<BindableService> services = List.copyOf(ctx.getBeansOfType(BindableService.class).values());
            GrpcServerHost host = GrpcServerHost.start(listen, services);
            log.info("block-service listening on {} (port {}) with {} service(s)", listen, host.port(), services.size());
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
        }, "block-shutdown"));
        stopped.await();
    }
}
