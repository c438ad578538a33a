package io.dittofs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs in CI, so docker-compose.yml is validated statically: every service of
 * the stack is there, builds from a Dockerfile that exists, has a health check, and depends on what
 * it talks to; stateful services keep their data in named volumes.
 */
class ComposeFileTest {

    static final Path ROOT = Path.of(System.getProperty("repo.root", ".."));
    static Map<String, Object> compose;
    static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() throws IOException {
        try (Reader r = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
            compose = new Yaml().load(r);
        }
        services = (Map<String, Map<String, Object>>) compose.get("services");
    }

    @Test
    void theWholeStackIsThere() {
        assertThat(services).containsKeys("gateway", "metadata", "block", "lock", "control-plane", "postgres", "s3");
    }

    @Test
    @SuppressWarnings("unchecked")
    void ourServicesBuildFromExistingDockerfilesOfExistingModules() throws IOException {
        Map<String, String> modules = Map.of("gateway", "protocol-gateway", "metadata", "metadata-service", "block",
                "block-service", "lock", "lock-service", "control-plane", "control-plane-service");
        for (var e : modules.entrySet()) {
            Map<String, Object> build = (Map<String, Object>) services.get(e.getKey()).get("build");
            assertThat(build).as(e.getKey()).isNotNull();
            Path dockerfile = ROOT.resolve((String) build.get("context")).resolve((String) build.get("dockerfile"));
            assertThat(dockerfile).as(e.getKey()).isRegularFile();
            String text = Files.readString(dockerfile);
            assertThat(text).as(e.getKey() + " builds its module").contains("-pl " + e.getValue() + " ");
            assertThat(ROOT.resolve(e.getValue()).resolve("pom.xml")).isRegularFile();
            assertThat(text).contains("ENTRYPOINT");
        }
        assertThat((String) services.get("postgres").get("image")).startsWith("postgres:");
        assertThat((String) services.get("s3").get("image")).contains("s3proxy");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyServiceHasAHealthCheck() {
        services.forEach((name, svc) -> {
            Map<String, Object> hc = (Map<String, Object>) svc.get("healthcheck");
            assertThat(hc).as(name).isNotNull();
            assertThat((List<String>) hc.get("test")).as(name).isNotEmpty();
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void dependenciesWaitForHealthyServicesThatExist() {
        Map<String, Set<String>> needs = Map.of("gateway", Set.of("metadata", "block", "lock", "control-plane"),
                "metadata", Set.of("postgres"), "block", Set.of("s3"), "control-plane", Set.of("postgres"));
        needs.forEach((svc, deps) -> {
            Map<String, Map<String, String>> dependsOn = (Map<String, Map<String, String>>) services.get(svc).get("depends_on");
            assertThat(dependsOn).as(svc).containsKeys(deps.toArray(String[]::new));
            dependsOn.forEach((dep, cond) -> {
                assertThat(services).as(svc + " depends on " + dep).containsKey(dep);
                assertThat(cond.get("condition")).isEqualTo("service_healthy");
            });
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void statefulServicesUseDeclaredVolumesAndTheGatewayPublishesNfs() {
        Map<String, Object> declared = (Map<String, Object>) compose.get("volumes");
        for (String svc : List.of("postgres", "s3", "metadata", "block", "lock", "control-plane")) {
            List<String> vols = (List<String>) services.get(svc).get("volumes");
            assertThat(vols).as(svc).isNotEmpty();
            for (String v : vols) {
                assertThat(declared).as(svc + " volume " + v).containsKey(v.substring(0, v.indexOf(':')));
            }
        }
        assertThat((List<String>) services.get("gateway").get("ports")).contains("2049:2049/tcp");
        Map<String, String> env = (Map<String, String>) services.get("gateway").get("environment");
        assertThat(env.get("DITTOFS_GATEWAY_METADATATARGET")).isEqualTo("metadata:7101");
        assertThat(env.get("DITTOFS_GATEWAY_BLOCKTARGET")).isEqualTo("block:7102");
    }
}
