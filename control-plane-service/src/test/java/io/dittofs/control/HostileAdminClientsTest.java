package io.dittofs.control;

import static io.dittofs.control.AbstractApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.dittofs.control.audit.AuditLog;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The admin API under attack: password brute force, anonymous management endpoints, and the audit trail. */
@SpringBootTest(classes = ControlPlaneApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileAdminClientsTest {

    static final String SCRAPE_TOKEN = "scrape-token-0123456789abcdef0123456789";
    static Path dataDir;

    @LocalServerPort
    int port;
    final HttpClient http = HttpClient.newHttpClient();
    final ListAppender<ILoggingEvent> audit = new ListAppender<>();

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) throws IOException {
        dataDir = Files.createTempDirectory("dittofs-control-hostile");
        r.add("dittofs.data-dir", dataDir::toString);
        r.add("dittofs.control.admin-initial-password", () -> AbstractApiTest.ADMIN_PASSWORD);
        r.add("dittofs.control.grpc.listen", () -> "127.0.0.1:0");
        r.add("dittofs.control.management.scrape-token", () -> SCRAPE_TOKEN);
    }

    @BeforeEach
    void captureAudit() {
        audit.start();
        ((Logger) LoggerFactory.getLogger(AuditLog.LOGGER)).addAppender(audit);
    }

    @AfterEach
    void stopCapture() {
        ((Logger) LoggerFactory.getLogger(AuditLog.LOGGER)).detachAppender(audit);
    }

    @Test
    void bruteForceGets429WithGrowingRetryAfterAndTheRightPasswordWorksAfterTheBackOff() throws Exception {
        ApiClient admin = new ApiClient(port);
        admin.login("admin", AbstractApiTest.ADMIN_PASSWORD);
        ApiClient.Response created = admin.post("/api/v1/users", "{\"name\":\"victim\",\"password\":\"Victim-pw-123\",\"uid\":2001}");
        assertThat(created.status()).as(created.raw()).isEqualTo(201);

        // 5 free failures, the 6th starts a 1 s block: count the 401s up to the first refusal
        int unauthorized = 0;
        HttpResponse<String> first = null;
        for (int i = 0; i < 100 && first == null; i++) {
            HttpResponse<String> r = login("victim", "guess-" + i);
            if (r.statusCode() == 401) {
                unauthorized++;
            } else {
                first = r;
            }
        }
        assertThat(unauthorized).isEqualTo(6);
        // everything inside the block is refused unchecked (a few quick requests: the block lasts 1 s)
        List<Long> retryAfters = new ArrayList<>();
        for (HttpResponse<String> r = first; retryAfters.size() < 10; r = login("victim", "guess-more")) {
            assertThat(r.statusCode()).as(r.body()).isEqualTo(429);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(r.body()).contains("too-many-attempts");
            retryAfters.add(Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow()));
        }
        assertThat(retryAfters).allMatch(s -> s == 1);
        assertThat(login("victim", "Victim-pw-123").statusCode()).as("right password while blocked").isEqualTo(429);

        long previous = 1;
        for (int round = 0; round < 2; round++) {
            Thread.sleep(previous * 1000 + 100);
            assertThat(login("victim", "wrong-again").statusCode()).isEqualTo(401);
            HttpResponse<String> r = login("victim", "wrong-again");
            assertThat(r.statusCode()).isEqualTo(429);
            long retryAfter = Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow());
            assertThat(retryAfter).as("the back-off doubles").isEqualTo(previous * 2);
            previous = retryAfter;
        }
        Thread.sleep(previous * 1000 + 100);
        assertThat(login("victim", "Victim-pw-123").statusCode()).isEqualTo(200);
        assertThat(login("victim", "one-typo").statusCode()).as("the success cleared the user's count").isEqualTo(401);

        assertThat(messages()).as(messages().toString()).anyMatch(m -> m.startsWith("event=login outcome=failure user=victim source=127.0.0.1"))
                .anyMatch(m -> m.startsWith("event=login outcome=throttled user=victim source=127.0.0.1 retryAfterSeconds=1"))
                .anyMatch(m -> m.equals("event=login outcome=success user=victim source=127.0.0.1"))
                .anyMatch(m -> m.equals("event=admin-change user=admin source=127.0.0.1 method=POST path=/api/v1/users status=201"));
        ILoggingEvent success = audit.list.stream().filter(e -> e.getFormattedMessage().equals("event=login outcome=success user=victim source=127.0.0.1")).findFirst().orElseThrow();
        assertThat(success.getKeyValuePairs()).anyMatch(kv -> kv.key.equals("user") && kv.value.equals("victim"))
                .anyMatch(kv -> kv.key.equals("source") && kv.value.equals("127.0.0.1"));
        assertThat(messages()).noneMatch(m -> m.contains("Victim-pw-123"));
    }

    @Test
    void changesAndRefusedChangesAreAudited() throws Exception {
        ApiClient admin = new ApiClient(port);
        admin.login("admin", AbstractApiTest.ADMIN_PASSWORD);
        assertThat(admin.post("/api/v1/groups", "{\"name\":\"audited\",\"gid\":7001}").status()).isEqualTo(201);
        assertThat(admin.delete("/api/v1/groups/audited").status()).isEqualTo(204);
        assertThat(admin.as(null).post("/api/v1/groups", "{\"name\":\"anon\",\"gid\":7002}").status()).isEqualTo(401);
        assertThat(admin.get("/api/v1/groups").status()).isEqualTo(200);

        assertThat(messages()).contains(
                "event=admin-change user=admin source=127.0.0.1 method=POST path=/api/v1/groups status=201",
                "event=admin-change user=admin source=127.0.0.1 method=DELETE path=/api/v1/groups/audited status=204",
                "event=admin-change user=- source=127.0.0.1 method=POST path=/api/v1/groups status=401");
        assertThat(messages()).as("reads are not audited").noneMatch(m -> m.contains("method=GET"));
    }

    @Test
    void managementEndpointsNeedATokenAndLeakNoPaths() throws Exception {
        for (String path : List.of("/actuator/prometheus", "/actuator/info", "/actuator/env", "/actuator/metrics",
                "/actuator/configprops", "/actuator/beans", "/actuator/heapdump")) {
            HttpResponse<String> r = get(path, null);
            assertThat(r.statusCode()).as(path).isEqualTo(401);
            assertThat(r.body()).as(path).contains("unauthenticated");
        }
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health", null).body()).as("no details for anonymous callers")
                .doesNotContain(dataDir.toString()).doesNotContain("diskSpace");

        ApiClient admin = new ApiClient(port);
        admin.login("admin", AbstractApiTest.ADMIN_PASSWORD);
        HttpResponse<String> prom = get("/actuator/prometheus", admin.token);
        assertThat(prom.statusCode()).isEqualTo(200);
        assertThat(prom.body()).contains("jvm_memory_used_bytes").doesNotContain(dataDir.toString())
                .doesNotContain(dataDir.toRealPath().toString());
        HttpResponse<String> info = get("/actuator/info", admin.token);
        assertThat(info.statusCode()).isEqualTo(200);
        assertThat(info.body()).doesNotContain(dataDir.toString());
        assertThat(get("/actuator/env", admin.token).statusCode()).as("not exposed at all").isEqualTo(404);
        assertThat(get("/actuator/health", admin.token).body()).doesNotContain(dataDir.toString());

        HttpResponse<String> scraped = get("/actuator/prometheus", SCRAPE_TOKEN);
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.body()).contains("jvm_memory_used_bytes");
        assertProblemStatus(get("/actuator/info", SCRAPE_TOKEN), 401);
        assertProblemStatus(get("/api/v1/users", SCRAPE_TOKEN), 401);
        assertProblemStatus(get("/actuator/prometheus", SCRAPE_TOKEN.replace('0', '1')), 401);
    }

    @Test
    void errorPageIsProblemJson() {
        assertProblem(new ApiClient(port).get("/error"), 500, "internal-server-error", null);
    }

    private static void assertProblemStatus(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    private List<String> messages() {
        return audit.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    private HttpResponse<String> login(String user, String password) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
