package io.dittofs.gateway.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.gateway.GatewayApplication;
import io.dittofs.gateway.config.NfsListeners;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** The standalone gateway with dittofs.management.port: health names the listeners, info and prometheus answer. */
class GatewayManagementEndpointsTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthSaysWhichListenersAreUp() throws Exception {
        // gRPC channels connect lazily: the services need not run for the listeners to be up
        try (ConfigurableApplicationContext ctx = GatewayApplication.start("--dittofs.nfs.port=0",
                "--dittofs.nfs.bind-address=127.0.0.1", "--dittofs.gateway.metadata-target=127.0.0.1:1",
                "--dittofs.gateway.block-target=127.0.0.1:1", "--dittofs.management.port=0",
                "--dittofs.smb.port=0")) {
            int port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
            int nfsPort = ctx.getBean(NfsListeners.class).port();
            var health = get(port, "/actuator/health/readiness");
            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            assertThat(health.body()).contains("\"gatewayListeners\"", "\"port\":" + nfsPort, "NFSv3");
            assertThat(get(port, "/actuator/info").body()).contains("\"protocol-gateway\"", "\"version\"");
            assertThat(get(port, "/actuator/prometheus").body()).contains("jvm_memory_used_bytes");

            ctx.getBean(NfsListeners.class).stop();
            var down = get(port, "/actuator/health/readiness");
            assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
            assertThat(down.body()).contains("\"DOWN\"");
        }
    }
}
