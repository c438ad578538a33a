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

    /** A service that logs one line per call, as the real ones do. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class LoggingService {
        @org.springframework.context.annotation.Bean
        io.grpc.BindableService verifier() {
            return new io.dittofs.contracts.block.v1.BlockServiceGrpc.BlockServiceImplBase() {
                @Override
                public void getVerifier(io.dittofs.contracts.block.v1.GetVerifierRequest request,
                                        io.grpc.stub.StreamObserver<io.dittofs.contracts.block.v1.GetVerifierResponse> out) {
                    LoggerFactory.getLogger("io.dittofs.test.service").info("verifier served");
                    out.onNext(io.dittofs.contracts.block.v1.GetVerifierResponse.getDefaultInstance());
                    out.onCompleted();
                }
            };
        }
    }

    @Test
    @Order(3)
    void aServiceCallsLogLineCarriesTheCallersTraceIdAsAJsonField(CapturedOutput output) {
        try (StandaloneServer s = StandaloneServer.start(LoggingService.class, "test-service", "test.listen", "127.0.0.1:0",
                "--spring.profiles.active=production")) {
            io.grpc.ManagedChannel ch = io.dittofs.contracts.grpc.ServiceChannels.open("127.0.0.1:" + s.server().port());
            try (var trace = io.dittofs.contracts.grpc.TraceIds.open("c7-0000beef")) {
                io.dittofs.contracts.block.v1.BlockServiceGrpc.newBlockingStub(ch)
                        .getVerifier(io.dittofs.contracts.block.v1.GetVerifierRequest.getDefaultInstance());
            } finally {
                ch.shutdownNow();
            }
        }
        List<String> lines = output.getOut().lines().filter(l -> l.contains("verifier served")).toList();
        assertThat(lines).hasSize(1);
        JsonNode json = JsonMapper.builder().build().readTree(lines.getFirst());
        assertThat(json.get(io.dittofs.contracts.grpc.TraceIds.MDC_KEY).asString()).as(lines.getFirst())
                .isEqualTo("c7-0000beef");
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
