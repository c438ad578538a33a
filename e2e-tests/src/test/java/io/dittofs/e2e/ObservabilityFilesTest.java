package io.dittofs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Static checks of the observability wiring (no Docker engine here): health checks ask the
 * actuator readiness endpoints, Prometheus scrapes every service's management port, Grafana is
 * provisioned with the datasource and dashboard it references.
 */
class ObservabilityFilesTest {

    static final Path ROOT = Path.of(System.getProperty("repo.root", ".."));

    @SuppressWarnings("unchecked")
    static <T> T load(String path) throws IOException {
        return (T) new Yaml().load(Files.readString(ROOT.resolve(path)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void healthChecksUseReadinessOnTheManagementPortAndPrometheusScrapesIt() throws IOException {
        Map<String, Object> compose = load("docker-compose.yml");
        var services = (Map<String, Map<String, Object>>) compose.get("services");
        Map<String, Object> prom = load("deploy/prometheus/prometheus.yml");
        var job = ((List<Map<String, Object>>) prom.get("scrape_configs")).getFirst();
        assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
        List<String> targets = ((List<Map<String, Object>>) job.get("static_configs")).stream()
                .flatMap(c -> ((List<String>) c.get("targets")).stream()).toList();
        for (String svc : List.of("metadata", "block", "lock", "gateway")) {
            var env = (Map<String, String>) services.get(svc).get("environment");
            assertThat(env).as(svc).containsEntry("DITTOFS_MANAGEMENT_PORT", "8081");
            var test = (List<String>) ((Map<String, Object>) services.get(svc).get("healthcheck")).get("test");
            assertThat(String.join(" ", test)).as(svc).contains("/dev/tcp/127.0.0.1/8081", "/actuator/health/readiness");
            assertThat(targets).contains(svc + ":8081");
        }
        assertThat(targets).contains("control-plane:8080");
        for (String svc : List.of("prometheus", "grafana")) {
            assertThat((List<String>) services.get(svc).get("profiles")).as(svc).containsExactly("observability");
            for (String v : (List<String>) services.get(svc).get("volumes")) {
                Path host = ROOT.resolve(v.substring(0, v.indexOf(':')));
                assertThat(host).as(v).exists();
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void dashboardParsesAndEveryPanelQueriesTheProvisionedDatasource() throws IOException {
        Map<String, Object> ds = load("deploy/grafana/provisioning/datasources/prometheus.yml");
        String uid = (String) ((List<Map<String, Object>>) ds.get("datasources")).getFirst().get("uid");
        // JSON is YAML: snakeyaml parses the dashboard
        Map<String, Object> dash = load("deploy/grafana/dashboards/dittofs.json");
        assertThat(dash.get("uid")).isEqualTo("dittofs-overview");
        var panels = (List<Map<String, Object>>) dash.get("panels");
        assertThat(panels).hasSizeGreaterThan(5);
        for (var p : panels) {
            assertThat(((Map<String, Object>) p.get("datasource")).get("uid")).as((String) p.get("title")).isEqualTo(uid);
            var targets = (List<Map<String, Object>>) p.get("targets");
            assertThat(targets).as((String) p.get("title")).isNotEmpty()
                    .allSatisfy(t -> assertThat((String) t.get("expr")).isNotBlank());
        }
    }
}
