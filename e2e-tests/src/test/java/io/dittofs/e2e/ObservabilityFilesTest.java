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
        var jobs = (List<Map<String, Object>>) prom.get("scrape_configs");
        assertThat(jobs).allSatisfy(j -> assertThat(j.get("metrics_path")).isEqualTo("/actuator/prometheus"));
        List<String> targets = jobs.stream().flatMap(j -> ((List<Map<String, Object>>) j.get("static_configs")).stream())
                .flatMap(c -> ((List<String>) c.get("targets")).stream()).toList();
        for (String svc : List.of("metadata", "block", "lock", "gateway")) {
            var env = (Map<String, String>) services.get(svc).get("environment");
            assertThat(env).as(svc).containsEntry("DITTOFS_MANAGEMENT_PORT", "8081");
            var test = (List<String>) ((Map<String, Object>) services.get(svc).get("healthcheck")).get("test");
            assertThat(String.join(" ", test)).as(svc).contains("/dev/tcp/127.0.0.1/8081", "/actuator/health/readiness");
            assertThat(targets).contains(svc + ":8081");
        }
        assertThat(targets).contains("control-plane:8080");
        // the control plane's metrics need its scrape token: the file Prometheus sends is the one the control plane has
        var cp = jobs.stream().filter(j -> j.get("job_name").equals("dittofs-control-plane")).findFirst().orElseThrow();
        String tokenFile = (String) ((Map<String, Object>) cp.get("authorization")).get("credentials_file");
        String mount = ((List<String>) services.get("prometheus").get("volumes")).stream()
                .filter(v -> v.endsWith(":" + tokenFile + ":ro")).findFirst().orElseThrow();
        String token = Files.readString(ROOT.resolve(mount.substring(0, mount.indexOf(':')))).trim();
        assertThat(((Map<String, String>) services.get("control-plane").get("environment")))
                .containsEntry("DITTOFS_CONTROL_MANAGEMENT_SCRAPETOKEN", token);
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

    @Test
    @SuppressWarnings("unchecked")
    void dashboardChartsTheProtocolAndServiceCallMetersAndEveryDittofsMeterItUsesIsDocumented() throws IOException {
        Map<String, Object> dash = load("deploy/grafana/dashboards/dittofs.json");
        List<String> exprs = ((List<Map<String, Object>>) dash.get("panels")).stream()
                .flatMap(p -> ((List<Map<String, Object>>) p.get("targets")).stream())
                .map(t -> (String) t.get("expr")).toList();
        String all = String.join("\n", exprs);
        assertThat(all).contains(
                "rate(dittofs_protocol_operations_seconds_count",
                "histogram_quantile(0.99, sum by (protocol, op, le) (rate(dittofs_protocol_operations_seconds_bucket",
                "dittofs_protocol_bytes_total", "dittofs_protocol_inflight",
                "dittofs_grpc_client_calls_seconds_bucket", "dittofs_grpc_server_calls_seconds_bucket",
                "dittofs_grpc_server_inflight", "dittofs_cache_requests_total");
        String docs = Files.readString(ROOT.resolve("docs/operations.md"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("dittofs_[a-z_]+").matcher(all);
        int seen = 0;
        while (m.find()) {
            // Prometheus name -> Micrometer meter name as docs/operations.md lists it
            String meter = m.group().replaceAll("_(seconds_(bucket|count|sum|max)|total)$", "").replace('_', '.');
            assertThat(docs).as(m.group() + " is documented as " + meter).contains("`" + meter + "`");
            seen++;
        }
        assertThat(seen).isGreaterThan(8);
    }
}
