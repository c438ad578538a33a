package io.dittofs.block.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.block.BlockServiceApplication;
import io.dittofs.service.StandaloneServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone block-service with dittofs.management.port: actuator health (with probes), info and prometheus over real HTTP. */
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
        try (StandaloneServer s = BlockServiceApplication.start("--dittofs.data-dir=" + data, "--dittofs.block.grpc.listen=127.0.0.1:0",
                "--dittofs.management.port=0", "--dittofs.block.local.kind=memory")) {
            int port = port(s);
            var health = get(port, "/actuator/health");
            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"", "\"blockStores\"", "\"remote\":\"none\"")
                    .as("no filesystem paths in health details").doesNotContain(data.toString());
            var ready = get(port, "/actuator/health/readiness");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("\"blockStores\"", "readinessState");
            assertThat(get(port, "/actuator/health/liveness").statusCode()).isEqualTo(200);

            var info = get(port, "/actuator/info");
            assertThat(info.statusCode()).isEqualTo(200);
            assertThat(info.body()).contains("\"block-service\"", "\"version\"").doesNotContain(data.toString());

            var prom = get(port, "/actuator/prometheus");
            assertThat(prom.statusCode()).isEqualTo(200);
            assertThat(prom.body()).contains("jvm_memory_used_bytes", "process_uptime_seconds");

        }
    }

    @Test
    void withoutTheManagementPortThereIsNoWebServer() {
        try (StandaloneServer s = BlockServiceApplication.start("--dittofs.data-dir=" + data, "--dittofs.block.grpc.listen=127.0.0.1:0", "--dittofs.block.local.kind=memory")) {
            assertThat(s.context().getEnvironment().getProperty("local.server.port")).isNull();
        }
    }
}
