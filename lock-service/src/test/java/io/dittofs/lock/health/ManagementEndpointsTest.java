package io.dittofs.lock.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.lock.LockServiceApplication;
import io.dittofs.service.StandaloneServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone lock-service with dittofs.management.port: actuator health (with probes), info and prometheus over real HTTP. */
class ManagementEndpointsTest {

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int port(StandaloneServer s) {
        return Integer.parseInt(s.context().getEnvironment().getProperty("local.server.port"));
    }

    @Test
    void healthInfoAndPrometheusAnswerAndReflectTheStore() throws Exception {
        try (StandaloneServer s = LockServiceApplication.start("--dittofs.data-dir=" + data, "--dittofs.lock.grpc.listen=127.0.0.1:0",
                "--dittofs.management.port=0")) {
            int port = port(s);
            var health = get(port, "/actuator/health");
            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"", "\"lockStore\"", "rocksdb")
                    .as("no filesystem paths in health details").doesNotContain(data.toString());
            var ready = get(port, "/actuator/health/readiness");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("\"lockStore\"", "readinessState");
            assertThat(get(port, "/actuator/health/liveness").statusCode()).isEqualTo(200);

            var info = get(port, "/actuator/info");
            assertThat(info.statusCode()).isEqualTo(200);
            assertThat(info.body()).contains("\"lock-service\"", "\"version\"").doesNotContain(data.toString());

            var prom = get(port, "/actuator/prometheus");
            assertThat(prom.statusCode()).isEqualTo(200);
            assertThat(prom.body()).contains("jvm_memory_used_bytes", "process_uptime_seconds");

            // a closed store turns health and readiness DOWN (503), liveness stays UP
            s.context().getBean(io.dittofs.lock.spi.LockStore.class).close();
            var down = get(port, "/actuator/health/readiness");
            assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
            assertThat(down.body()).contains("\"DOWN\"");
            assertThat(get(port, "/actuator/health/liveness").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void withoutTheManagementPortThereIsNoWebServer() {
        try (StandaloneServer s = LockServiceApplication.start("--dittofs.data-dir=" + data, "--dittofs.lock.grpc.listen=127.0.0.1:0")) {
            assertThat(s.context().getEnvironment().getProperty("local.server.port")).isNull();
        }
    }
}
