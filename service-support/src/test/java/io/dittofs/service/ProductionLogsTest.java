package io.dittofs.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The production profile turns console logs into one ECS JSON object per line; the default stays plain text. */
@ExtendWith(OutputCaptureExtension.class)
// the logging system is per process: the plain-text case runs before the profile switches it to JSON
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProductionLogsTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class NoServices {
    }

    @Test
    @Order(2)
    void productionProfileLogsParseAsJson(CapturedOutput output) {
        try (StandaloneServer s = StandaloneServer.start(NoServices.class, "test-service", "test.listen", "127.0.0.1:0",
                "--spring.profiles.active=production")) {
            LoggerFactory.getLogger("io.dittofs.test").info("hello from production");
        }
        List<String> lines = output.getOut().lines().filter(l -> l.contains("hello from production")).toList();
        assertThat(lines).hasSize(1);
        JsonNode json = JsonMapper.builder().build().readTree(lines.getFirst());
        assertThat(json.get("message").asString()).isEqualTo("hello from production");
        assertThat(json.get("log").get("level").asString()).isEqualTo("INFO");
        assertThat(json.get("log").get("logger").asString()).isEqualTo("io.dittofs.test");
        assertThat(json.get("service").get("name").asString()).isEqualTo("test-service");
        assertThat(output.getOut()).contains("\"message\":\"test-service listening on 127.0.0.1:0");
    }

    @Test
    @Order(1)
    void defaultLogsAreHumanReadable(CapturedOutput output) {
        try (StandaloneServer s = StandaloneServer.start(NoServices.class, "test-service", "test.listen", "127.0.0.1:0")) {
            LoggerFactory.getLogger("io.dittofs.test").info("hello by default");
        }
        String line = output.getOut().lines().filter(l -> l.contains("hello by default")).findFirst().orElseThrow();
        assertThat(line).doesNotStartWith("{").contains("INFO");
    }
}
