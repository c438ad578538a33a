package io.dittofs.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.contracts.grpc.ServiceChannels;
import io.grpc.ManagedChannel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every standalone service's management port must do (shipped in service-support's test jar;
 * each service's ManagementEndpointsTest extends it): health with probes and the service's own
 * component, info, prometheus with the service-side call timers, no filesystem paths in any of
 * them, and no web server without the property.
 */
public abstract class ManagementEndpointsContract {

    @TempDir
    protected Path data;

    private final HttpClient http = HttpClient.newHttpClient();

    /** Starts the service on a free gRPC port with {@code extra} arguments (a data dir under {@link #data}). */
    protected abstract StandaloneServer start(String... extra);

    /** e.g. "metadata-service", as /actuator/info names it. */
    protected abstract String serviceName();

    /** Strings the health body shows when the store is up, e.g. the component name and its kind. */
    protected abstract List<String> healthShows();

    /** The readiness component of the service's store, e.g. "metadataStore". */
    protected abstract String storeComponent();

    /** One cheap call to the service (any answer), so its call timer exists. */
    protected abstract void callOnce(ManagedChannel channel);

    /** The gRPC service name in the call timer's tag, e.g. "MetadataService". */
    protected abstract String grpcService();

    /** Makes the store fail its probe; false when the service has no way to do that in a test. */
    protected boolean breakStore(StandaloneServer s) throws Exception {
        return false;
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int port(StandaloneServer s) {
        return Integer.parseInt(s.context().getEnvironment().getProperty("local.server.port"));
    }

    @Test
    void healthInfoAndPrometheusAnswerAndReflectTheStore() throws Exception {
        try (StandaloneServer s = start("--dittofs.management.port=0")) {
            int port = port(s);
            var health = get(port, "/actuator/health");
            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"").contains(healthShows())
                    .as("no filesystem paths in health details").doesNotContain(data.toString());
            var ready = get(port, "/actuator/health/readiness");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("\"" + storeComponent() + "\"", "readinessState");
            assertThat(get(port, "/actuator/health/liveness").statusCode()).isEqualTo(200);

            var info = get(port, "/actuator/info");
            assertThat(info.statusCode()).isEqualTo(200);
            assertThat(info.body()).contains("\"" + serviceName() + "\"", "\"version\"").doesNotContain(data.toString());

            ManagedChannel ch = ServiceChannels.open("127.0.0.1:" + s.server().port());
            try {
                callOnce(ch);
            } catch (io.grpc.StatusRuntimeException e) {
                // an error answer is timed as well; the status tag says which
            } finally {
                ch.shutdownNow();
            }
            var prom = get(port, "/actuator/prometheus");
            assertThat(prom.statusCode()).isEqualTo(200);
            assertThat(prom.body()).contains("jvm_memory_used_bytes", "process_uptime_seconds",
                    "dittofs_grpc_server_inflight{service=\"" + grpcService() + "\"} 0")
                    .containsPattern("dittofs_grpc_server_calls_seconds_count\\{method=\"\\w+\",service=\""
                            + grpcService() + "\",status=\"\\w+\"} 1")
                    .doesNotContain(data.toString());

            if (breakStore(s)) {
                // a closed store turns health and readiness DOWN (503), liveness stays UP
                var down = get(port, "/actuator/health/readiness");
                assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
                assertThat(down.body()).contains("\"DOWN\"");
                assertThat(get(port, "/actuator/health/liveness").statusCode()).isEqualTo(200);
            }
        }
    }

    @Test
    void withoutTheManagementPortThereIsNoWebServer() {
        try (StandaloneServer s = start()) {
            assertThat(s.context().getEnvironment().getProperty("local.server.port")).isNull();
        }
    }
}
