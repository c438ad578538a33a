package io.dittofs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.nfsclient.NfsClient;
import io.dittofs.nfsclient.RpcClient;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** The real dfs jar runs every workload over nfs:// (its own NFSv3 client, no mount) against the launcher jar. */
class DfsBenchIT {

    @TempDir
    Path tmp;

    @Test
    @SuppressWarnings("unchecked")
    void tinyNfsBenchRunsEveryWorkloadAndWritesItsReports() throws Exception {
        try (Suite suite = Suite.start(tmp.resolve("data"))) {
            Path out = tmp.resolve("out");
            String log = dfs("bench", "nfs://127.0.0.1:" + suite.port + "/export", "--threads", "2",
                    "--file-size", "256K", "--random-file-size", "64K", "--random-ops", "30", "--meta-cycles", "8",
                    "--small-files", "5", "--dir-entries", "20", "--listings", "2", "--progress", "lines",
                    "-l", "dittofs", "-o", out.toString());
            assertThat(log).contains("dir-list iteration 3/3: done");

            // result.json is JSON, which is YAML: snakeyaml reads it without another dependency
            Map<String, Object> result = new Yaml().load(Files.readString(out.resolve("result.json")));
            assertThat(result.get("target")).isEqualTo("nfs://127.0.0.1:" + suite.port + "/export");
            List<Map<String, Object>> workloads = (List<Map<String, Object>>) result.get("workloads");
            assertThat(workloads).extracting(w -> w.get("name")).containsExactly("seq-write", "seq-read",
                    "rand-read", "rand-write", "mixed-70-30", "metadata", "small-files", "dir-list");
            for (Map<String, Object> w : workloads) {
                Map<String, Object> ops = (Map<String, Object>) w.get("opsPerSec");
                Map<String, Object> lat = (Map<String, Object>) w.get("latency");
                assertThat(((Number) ops.get("mean")).doubleValue()).as(w.get("name").toString()).isPositive();
                assertThat(((Number) lat.get("p50Us")).doubleValue()).as(w.get("name").toString()).isPositive()
                        .isLessThanOrEqualTo(((Number) lat.get("p99Us")).doubleValue());
                assertThat((List<?>) w.get("iterations")).hasSize(3);
            }
            List<Map<String, Object>> seqRead = (List<Map<String, Object>>) workloads.get(1).get("iterations");
            assertThat(((Number) seqRead.getFirst().get("bytes")).longValue()).isEqualTo(2 * 256 * 1024);

            assertThat(Files.readString(out.resolve("report.md"))).contains("| small-files |");
            for (String png : List.of("throughput.png", "latency.png")) {
                byte[] head = Files.readAllBytes(out.resolve(png));
                assertThat(head.length).as(png).isGreaterThan(1000);
                assertThat(new String(head, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
            }
            try (NfsClient c = new NfsClient("127.0.0.1", suite.port, RpcClient.Auth.sys(0, 0))) {
                byte[] root = c.mount("/export");
                assertThat(c.readdir(root, 0, new byte[8], 8192).entries())
                        .as("the bench removed its run directory")
                        .noneMatch(e -> e.name().startsWith("dfs-bench-"));
            }
        }
    }

    private static String dfs(String... args) throws Exception {
        String jar = System.getProperty("dfs.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new AssertionError("dfs jar not found at " + jar + " (./mvnw -B -DskipTests -pl cli -am package)");
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(out);
        }
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("dfs " + String.join(" ", args) + " did not finish");
        }
        assertThat(p.exitValue()).as("dfs " + String.join(" ", args) + ":\n" + out).isZero();
        return out.toString();
    }
}
