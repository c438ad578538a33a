package io.dittofs.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The admin API on the embedded default: an H2 file database under a fresh data directory. */
@SpringBootTest(classes = ControlPlaneApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiOnH2Test extends AbstractApiTest {

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) throws IOException {
        Path dir = Files.createTempDirectory("dittofs-control-h2");
        r.add("dittofs.data-dir", dir::toString);
        r.add("dittofs.control.admin-initial-password", () -> ADMIN_PASSWORD);
        r.add("dittofs.control.jwt.secret", () -> JWT_SECRET);
        r.add("dittofs.control.grpc.listen", () -> "127.0.0.1:0");
    }
}
