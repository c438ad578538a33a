package io.dittofs.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The committed spec (openapi/dittofs-admin-api.json) must equal what the code generates. To
 * regenerate after an API change:
 * {@code ./mvnw -pl control-plane-service test -Dtest=OpenApiSpecTest -Ddittofs.openapi.update=true}
 */
@SpringBootTest(classes = ControlPlaneApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiSpecTest {

    static final Path SPEC = Path.of("..", "openapi", "dittofs-admin-api.json");
    static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) throws IOException {
        Path dir = Files.createTempDirectory("dittofs-control-openapi");
        r.add("dittofs.data-dir", dir::toString);
        r.add("dittofs.control.admin-initial-password", () -> AbstractApiTest.ADMIN_PASSWORD);
        r.add("dittofs.control.grpc.listen", () -> "127.0.0.1:0");
    }

    @Test
    void committedSpecMatchesTheCode() throws IOException {
        ApiClient.Response r = new ApiClient(port).get("/v3/api-docs");
        assertThat(r.status()).isEqualTo(200);
        JsonNode generated = PRETTY.readTree(r.raw());
        String text = PRETTY.writeValueAsString(PRETTY.treeToValue(generated, Object.class)) + "\n";
        if (Boolean.getBoolean("dittofs.openapi.update")) {
            Files.createDirectories(SPEC.getParent());
            Files.writeString(SPEC, text, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(SPEC)).as("missing " + SPEC.toAbsolutePath() + "; generate it with "
                + "./mvnw -pl control-plane-service test -Dtest=OpenApiSpecTest -Ddittofs.openapi.update=true").isTrue();
        String committed = Files.readString(SPEC, StandardCharsets.UTF_8);
        // every operation documents its errors as problem+json with the Problem schema
        assertThat(generated.at("/components/schemas/Problem/properties/field").isMissingNode()).isFalse();
        generated.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            JsonNode responses = op.getValue().get("responses");
            for (String status : new String[] {"400", "401"}) {
                assertThat(responses.at("/" + status + "/content/application~1problem+json/schema/$ref").asString())
                        .as(op.getKey() + " " + path.getKey() + " " + status).isEqualTo("#/components/schemas/Problem");
            }
        }));
        assertThat(text).as("openapi/dittofs-admin-api.json drifted from the code; regenerate with "
                + "./mvnw -pl control-plane-service test -Dtest=OpenApiSpecTest -Ddittofs.openapi.update=true "
                + "and commit the result").isEqualTo(committed);
    }
}
