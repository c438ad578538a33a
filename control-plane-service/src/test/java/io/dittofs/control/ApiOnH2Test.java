package io.dittofs.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.contracts.control.v1.ConfigEvent;
import io.dittofs.contracts.grpc.GrpcServerHost;
import io.dittofs.contracts.control.ConfigView;
import io.dittofs.contracts.control.ConfigWatchClient;
import io.dittofs.control.watch.ConfigWatchGrpcService;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The admin API on the embedded default: an H2 file database under a fresh data directory. */
@SpringBootTest(classes = ControlPlaneApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiOnH2Test extends AbstractApiTest {

    @Autowired
    ConfigWatchGrpcService watchService;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) throws IOException {
        Path dir = Files.createTempDirectory("dittofs-control-h2");
        r.add("dittofs.data-dir", dir::toString);
        r.add("dittofs.control.admin-initial-password", () -> ADMIN_PASSWORD);
        r.add("dittofs.control.jwt.secret", () -> JWT_SECRET);
        r.add("dittofs.control.grpc.listen", () -> "127.0.0.1:0");
    }

    /** The gateway's helper: a live view that survives a control-plane outage and catches up. */
    @Test
    void configWatchClientKeepsALiveViewAcrossReconnects() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        GrpcServerHost host = GrpcServerHost.start("127.0.0.1:" + port, List.of(watchService));
        BlockingQueue<ConfigEvent> seen = new LinkedBlockingQueue<>();
        try (ConfigWatchClient client = new ConfigWatchClient("127.0.0.1:" + port, "test-gateway")) {
            client.addListener((event, view) -> seen.add(event));
            client.start();
            assertThat(client.awaitInitial(Duration.ofSeconds(30))).isTrue();
            assertThat(client.view().shareByExportPath("/export")).isPresent();

            admin.post("/api/v1/shares", "{\"name\":\"watched\",\"squash\":\"ALL\",\"anonymousUid\":65000}");
            ConfigView afterCreate = awaitView(client, seen, v -> v.share("watched").isPresent());
            assertThat(afterCreate.share("watched").orElseThrow().getAnonymousUid()).isEqualTo(65000);

            host.close(); // the control plane's gRPC side goes away ...
            admin.put("/api/v1/shares/watched", "{\"readOnly\":true}");
            host = GrpcServerHost.start("127.0.0.1:" + port, List.of(watchService)); // ... and comes back
            ConfigView caughtUp = awaitView(client, seen, v -> v.share("watched").map(s -> s.getReadOnly()).orElse(false));
            assertThat(caughtUp.revision()).isGreaterThan(afterCreate.revision());

            admin.delete("/api/v1/shares/watched");
            assertThat(awaitView(client, seen, v -> v.share("watched").isEmpty()).share("watched")).isEmpty();
        } finally {
            host.close();
        }
    }

    private static ConfigView awaitView(ConfigWatchClient client, BlockingQueue<ConfigEvent> seen,
                                        java.util.function.Predicate<ConfigView> done) throws InterruptedException {
        while (!done.test(client.view())) {
            // bounded: a missing event fails the test instead of hanging it
            assertThat(seen.poll(60, TimeUnit.SECONDS)).as("expected a config event").isNotNull();
        }
        return client.view();
    }
}
