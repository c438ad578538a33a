package io.dittofs.lock;

import io.dittofs.service.StandaloneServer;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The lock-service on its own: hosts every BindableService bean on {@code dittofs.lock.grpc.listen}
 * (default 127.0.0.1:7103). No web server.
 */
@SpringBootApplication
public class LockServiceApplication {

    public static StandaloneServer start(String... args) {
        return StandaloneServer.start(LockServiceApplication.class, "lock-service", "dittofs.lock.grpc.listen",
                "127.0.0.1:7103", args);
    }

    public static void main(String[] args) throws InterruptedException {
        start(args).awaitShutdown("lock");
    }
}
