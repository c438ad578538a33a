package io.dittofs.block;

import io.dittofs.service.StandaloneServer;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The block-service on its own: hosts every BindableService bean on
 * {@code dittofs.block.grpc.listen} (default 127.0.0.1:7102). No web server. SIGTERM stops the
 * server, then the context: the engine checkpoints and the tiers close.
 */
@SpringBootApplication
public class BlockServiceApplication {

    public static StandaloneServer start(String... args) {
        return StandaloneServer.start(BlockServiceApplication.class, "block-service", "dittofs.block.grpc.listen", "127.0.0.1:7102", args);
    }

    public static void main(String[] args) throws InterruptedException {
        start(args).awaitShutdown("block");
    }
}
