package io.dittofs.control;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The admin API on a real PostgreSQL at 127.0.0.1:5432 (user postgres, trust auth), in a database
 * created for this run and dropped afterwards. No server, no green: the test fails.
 */
@SpringBootTest(classes = ControlPlaneApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ApiOnPostgresTest extends AbstractApiTest {

    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    static final String DB = "dittofs_cp_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + DB);
        }
        r.add("spring.datasource.url", () -> SERVER + DB);
        r.add("spring.datasource.username", () -> "postgres");
        r.add("dittofs.control.admin-initial-password", () -> ADMIN_PASSWORD);
        r.add("dittofs.control.jwt.secret", () -> JWT_SECRET);
        r.add("dittofs.control.grpc.listen", () -> "127.0.0.1:0");
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
        }
    }
}
