package io.dittofs.control;

import static io.dittofs.control.AbstractApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Export path rules over HTTP, the request size limit, and problem+json for every error incl. 404/405/415. */
@SpringBootTest(classes = ControlPlaneApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiErrorsTest {

    @LocalServerPort
    int port;
    ApiClient admin;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) throws IOException {
        Path dir = Files.createTempDirectory("dittofs-control-errors");
        r.add("dittofs.data-dir", dir::toString);
        r.add("dittofs.control.admin-initial-password", () -> AbstractApiTest.ADMIN_PASSWORD);
        r.add("dittofs.control.grpc.listen", () -> "127.0.0.1:0");
    }

    @BeforeEach
    void login() {
        admin = new ApiClient(port);
        admin.login("admin", AbstractApiTest.ADMIN_PASSWORD);
    }

    @Test
    void exportPathsAreNormalisedAndCannotEscapeOrAlias() {
        assertProblem(admin.post("/api/v1/shares", "{\"name\":\"etc\",\"exportPath\":\"/../../etc\"}"), 422, "invalid-field", "exportPath");
        assertProblem(admin.post("/api/v1/shares", "{\"name\":\"alias\",\"exportPath\":\"/projects/../export\"}"),
                422, "invalid-field", "exportPath");
        assertProblem(admin.post("/api/v1/shares", "{\"name\":\"dup\",\"exportPath\":\"/export/\"}"), 400, "invalid-field", "exportPath");
        assertProblem(admin.put("/api/v1/shares/export", "{\"exportPath\":\"/a/../b\"}"), 422, "invalid-field", "exportPath");
        assertThat(admin.get("/api/v1/shares").json()).hasSize(1);
    }

    @Test
    void bodiesOverOneMebibyteAre413EvenUnauthenticatedAndChunked() throws Exception {
        String big = "{\"username\":\"admin\",\"password\":\"" + "x".repeat(1024 * 1024 + 10) + "\"}";
        assertProblem(admin.as(null).post("/api/v1/auth/login", big), 413, "payload-too-large", null);
        assertProblem(admin.post("/api/v1/groups", big), 413, "payload-too-large", null);

        // no Content-Length: counted while read
        HttpResponse<String> chunked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/shares"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + admin.token)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        ("{\"name\":\"big\",\"exportPath\":\"/" + "y".repeat(2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
        assertThat(chunked.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

        assertThat(admin.post("/api/v1/groups", "{\"name\":\"small\",\"gid\":6001}").status()).isEqualTo(201);
    }

    @Test
    void notFoundMethodNotAllowedAndUnsupportedMediaTypeAreProblemJson() {
        assertProblem(admin.get("/api/v1/no-such-thing"), 404, "not-found", null);
        assertProblem(admin.get("/api/v1/shares/no-such-share"), 404, "not-found", null);
        assertProblem(admin.send("PATCH", "/api/v1/shares", "{}"), 405, "method-not-allowed", null);
        HttpResponse<String> xml = sendRaw("POST", "/api/v1/groups", "text/xml", "<group/>");
        assertThat(xml.statusCode()).isEqualTo(415);
        assertThat(xml.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(xml.body()).contains("https://dittofs.io/problems/unsupported-media-type");
    }

    @Test
    void aTooLongValueIs422NotAConflict() {
        // the URL pattern has no length bound; the column holds 512 characters
        ApiClient.Response r = admin.put("/api/v1/identity-provider", "{\"ldapUrl\":\"ldap://" + "h".repeat(600) + "\"}");
        assertProblem(r, 422, "value-too-long", null);
        assertThat(r.json().get("detail").asString()).contains("at most 512 characters");
    }

    @Test
    void containerErrorsOutsideTheControllersAreProblemJsonToo() throws IOException {
        // an illegal request target is refused by Tomcat and rendered by /error
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream out = s.getOutputStream();
            out.write("GET /api/v1/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 400");
            assertThat(response).doesNotContain("\"timestamp\"");
        }
    }

    private HttpResponse<String> sendRaw(String method, String path, String contentType, String body) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", contentType).header("Authorization", "Bearer " + admin.token)
                    .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
