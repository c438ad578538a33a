package io.dittofs.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.contracts.grpc.GrpcServerHost;
import io.dittofs.contracts.control.ConfigWatchClient;
import io.dittofs.control.watch.ConfigWatchGrpcService;
import io.dittofs.control.watch.IdentityGrpcService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** What the one-JVM launcher does: start the control plane embedded, host its gRPC services in-process. */
class EmbeddedControlPlaneTest {

    @Test
    void embeddedControlPlaneServesRestAndItsServicesCanBeHostedInProcess() throws Exception {
        Path dir = Files.createTempDirectory("dittofs-control-embedded");
        try (ConfigurableApplicationContext cp = ControlPlaneApplication.startEmbedded("--server.port=0",
                "--dittofs.data-dir=" + dir, "--dittofs.control.admin-initial-password=" + AbstractApiTest.ADMIN_PASSWORD)) {
            assertThat(cp.getBeansOfType(GrpcServerHost.class)).as("no gRPC server of its own").isEmpty();
            int port = Integer.parseInt(cp.getEnvironment().getProperty("local.server.port"));
            ApiClient api = new ApiClient(port);
            api.login("admin", AbstractApiTest.ADMIN_PASSWORD);
            try (GrpcServerHost shared = GrpcServerHost.start("in-process:embedded-test",
                    List.of(cp.getBean("configWatchGrpcService", ConfigWatchGrpcService.class),
                            cp.getBean("identityGrpcService", IdentityGrpcService.class)));
                 ConfigWatchClient watch = new ConfigWatchClient("in-process:embedded-test", "launcher-test")) {
                watch.start();
                assertThat(shared.port()).as("in-process").isEqualTo(-1);
                assertThat(watch.awaitInitial(Duration.ofSeconds(60))).isTrue();
                assertThat(watch.view().shareByExportPath("/export")).isPresent();
                assertThat(watch.view().adapter("nfs").orElseThrow().getPort()).isEqualTo(2049);
            }
        }
    }
}
