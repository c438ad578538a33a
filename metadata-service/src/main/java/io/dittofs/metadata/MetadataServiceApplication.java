package io.dittofs.metadata;

import io.dittofs.service.StandaloneServer;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The metadata-service on its own: hosts every BindableService bean on
 * {@code dittofs.metadata.grpc.listen} (default 127.0.0.1:7101). No web server.
 */
@SpringBootApplication
public class MetadataServiceApplication {

    public static StandaloneServer start(String... args) {
        return StandaloneServer.start(MetadataServiceApplication.class, "metadata-service", "dittofs.metadata.grpc.listen", "127.0.0.1:7101", args);
    }

    public static void main(String[] args) throws InterruptedException {
        start(args).awaitShutdown("metadata");
    }
}
