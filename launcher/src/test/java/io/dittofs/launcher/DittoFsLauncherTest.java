package io.dittofs.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dittofs.gateway.config.NfsListeners;
import io.dittofs.nfsclient.Nfs3;
import io.dittofs.nfsclient.NfsClient;
import io.dittofs.nfsclient.RpcClient;
import io.dittofs.nfsclient.Sattr;
import io.dittofs.nfsclient.XdrOut;
import io.dittofs.contracts.control.ConfigWatchClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** The launcher in this JVM: the embedded default on a free port, and start-up validation. */
class DittoFsLauncherTest {

    @TempDir
    Path tmp;

    @Test
    void servesNfsOnTheEmbeddedDefaultAndKeepsDataUnderTheDataDir() throws Exception {
        try (ConfigurableApplicationContext ctx = DittoFsLauncher.start("--dittofs.data-dir=" + tmp, "--dittofs.smb.port=0",
                "--dittofs.nfs.port=0", "--dittofs.nfs.udp=false", "--dittofs.control.http-port=0",
                "--dittofs.nfs.max-version=4.1", "--dittofs.control.admin-initial-password=launcher-test-pw")) {
            EmbeddedControlPlane cp = ctx.getBean(EmbeddedControlPlane.class);
            assertThat(Files.readString(tmp.resolve("api.port")).trim()).isEqualTo(String.valueOf(cp.port()));
            try (ConfigWatchClient watch = new ConfigWatchClient(DittoFsLauncher.DEFAULT_LISTEN, "launcher-test")) {
                watch.start();
                assertThat(watch.awaitInitial(Duration.ofSeconds(60))).as("watch served in-process").isTrue();
                assertThat(watch.view().shareByExportPath("/export")).isPresent();
            }
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + cp.port() + "/api/v1/auth/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"launcher-test-pw\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            var lockChannel = io.dittofs.contracts.grpc.ServiceChannels.open(DittoFsLauncher.DEFAULT_LISTEN);
            assertThat(io.dittofs.contracts.lock.v1.LockServiceGrpc.newBlockingStub(lockChannel)
                    .getGrace(io.dittofs.contracts.lock.v1.GetGraceRequest.getDefaultInstance()).getStatus())
                    .as("lock-service hosted in-process").isEqualTo(io.dittofs.contracts.common.v1.Status.OK);
            lockChannel.shutdownNow();
            int port = ctx.getBean(NfsListeners.class).port();
            assertThat(port).isPositive();
            // what the admin API reports is what runs: the bound port, no portmapper, the served
            // versions (4.1 here, not the adapter's default 4.2); ready once bound
            String token = tools.jackson.databind.json.JsonMapper.builder().build().readTree(health.body())
                    .get("accessToken").asString();
            HttpResponse<String> adapters = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + cp.port() + "/api/v1/adapters/nfs"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(adapters.body()).contains("\"port\":" + port + ",", "\"portmapPort\":0",
                    "\"minVersion\":\"3\",\"maxVersion\":\"4.1\"",
                    "\"listening\":{\"address\":\"127.0.0.1\",\"port\":" + port + ",\"portmapPort\":0}");
            // the SMB listener is an adapter too, added when the gateway reports it
            int smbPort = ctx.getBean(io.dittofs.gateway.config.SmbListener.class).port();
            assertThat(smbPort).isPositive();
            HttpResponse<String> smb = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + cp.port() + "/api/v1/adapters/smb"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(smb.statusCode()).as(smb.body()).isEqualTo(200);
            assertThat(smb.body()).contains("\"kind\":\"smb\"", "\"enabled\":true", "\"port\":" + smbPort + ",",
                    "\"minVersion\":\"2.0.2\",\"maxVersion\":\"3.1.1\"",
                    "\"listening\":{\"address\":\"127.0.0.1\",\"port\":" + smbPort + ",\"portmapPort\":0}");
            HttpResponse<String> ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + cp.port() + "/actuator/health/readiness")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
            try (NfsClient c = new NfsClient("127.0.0.1", port, RpcClient.Auth.sys(1000, 1000))) {
                byte[] root = c.mount("/export");
                var f = c.create(root, "a.txt", 1, Sattr.mode(0644));
                assertThat(f.status()).isEqualTo(Nfs3.OK);
                assertThat(c.write(f.handle(), 0, "embedded".getBytes(), Nfs3.FILE_SYNC).status()).isEqualTo(Nfs3.OK);
                assertThat(new String(c.read(f.handle(), 0, 64).data())).isEqualTo("embedded");
                assertThat(c.remove(root, "a.txt").status()).isEqualTo(Nfs3.OK);
            }
        }
        assertThat(Files.list(tmp).map(p -> p.getFileName().toString()).toList()).contains("metadata", "blocks", "lock");
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void managementPortServesHealthInfoAndThePrometheusMetricsOfProtocolsAndServiceCalls() throws Exception {
        try (ConfigurableApplicationContext ctx = DittoFsLauncher.start("--dittofs.data-dir=" + tmp,
                "--dittofs.nfs.port=0", "--dittofs.nfs.udp=false", "--dittofs.control.enabled=false",
                "--dittofs.management.port=0")) {
            int port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
            int nfs = ctx.getBean(NfsListeners.class).port();
            try (NfsClient c = new NfsClient("127.0.0.1", nfs, RpcClient.Auth.sys(1000, 1000))) {
                byte[] root = c.mount("/export");
                assertThat(c.getattr(root).status()).isEqualTo(Nfs3.OK);
                assertThat(c.lookup(root, "missing").status()).isEqualTo(Nfs3.NOENT);
            }
            var health = get(port, "/actuator/health");
            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            assertThat(health.body()).contains("\"metadataStore\"", "\"blockStores\"", "\"lockStore\"",
                    "\"gatewayListeners\"", "\"port\":" + nfs).doesNotContain(tmp.toString());
            assertThat(get(port, "/actuator/health/readiness").statusCode()).isEqualTo(200);
            var info = get(port, "/actuator/info");
            assertThat(info.body()).contains("\"dittofs\"").doesNotContain(tmp.toString());
            var prom = get(port, "/actuator/prometheus");
            assertThat(prom.statusCode()).isEqualTo(200);
            assertThat(prom.body()).contains("jvm_memory_used_bytes",
                    "dittofs_protocol_operations_seconds_count{op=\"GETATTR\",protocol=\"nfs3\",status=\"OK\"} 1",
                    "dittofs_protocol_operations_seconds_count{op=\"LOOKUP\",protocol=\"nfs3\",status=\"NOENT\"} 1",
                    "dittofs_protocol_operations_seconds_count{op=\"MNT\",protocol=\"mount\",status=\"OK\"} 1",
                    "dittofs_protocol_bytes_total{direction=\"in\",protocol=\"nfs3\"}",
                    "dittofs_protocol_inflight{protocol=\"nfs3\"} 0",
                    "dittofs_grpc_client_calls_seconds_count{method=",
                    "dittofs_grpc_server_calls_seconds_count{method=",
                    "dittofs_grpc_server_inflight{service=\"MetadataService\"}")
                    .doesNotContain(tmp.toString());
            // the management server is on loopback only
            assertThat(ctx.getEnvironment().getProperty("server.address")).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void withoutTheManagementPortThereIsNoWebServer() {
        try (ConfigurableApplicationContext ctx = DittoFsLauncher.start("--dittofs.data-dir=" + tmp,
                "--dittofs.nfs.port=0", "--dittofs.nfs.udp=false", "--dittofs.control.enabled=false")) {
            assertThat(ctx.getEnvironment().getProperty("local.server.port")).isNull();
        }
    }

    @Test
    void portmapperAlsoListensOnItsOwnPortAndAnswersGetportAndGetaddr() throws Exception {
        int pmap;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            pmap = free.getLocalPort();
        }
        try (ConfigurableApplicationContext ctx = DittoFsLauncher.start("--dittofs.data-dir=" + tmp, "--dittofs.smb.port=0",
                "--dittofs.nfs.port=0", "--dittofs.nfs.portmap-port=" + pmap, "--dittofs.control.enabled=false")) {
            int nfs = ctx.getBean(NfsListeners.class).port();
            try (RpcClient rpc = new RpcClient("127.0.0.1", pmap, RpcClient.Auth.authNone())) {
                byte[] getport = new XdrOut().writeInt(100005).writeInt(3).writeInt(6).writeInt(0).toByteArray();
                assertThat(rpc.call(100000, 2, 3, getport).body().readInt()).isEqualTo(nfs);
                byte[] getaddr = new XdrOut().writeInt(100003).writeInt(3).writeString("tcp").writeString("")
                        .writeString("").toByteArray();
                assertThat(rpc.call(100000, 4, 3, getaddr).body().readString())
                        .isEqualTo("127.0.0.1." + (nfs >> 8) + "." + (nfs & 0xff));
                assertThat(rpc.call(100003, 3, 0, new byte[0]).stat())
                        .as("only the portmapper on this port").isEqualTo(io.dittofs.nfsclient.RpcReply.PROG_UNAVAIL);
            }
        }
    }

    @Test
    void aBadPropertyFailsStartUpNamingThePropertyAndTheFix() {
        assertThatThrownBy(() -> DittoFsLauncher.start("--dittofs.data-dir=" + tmp, "--dittofs.smb.port=0", "--dittofs.control.enabled=false", "--dittofs.nfs.port=70000"))
                .hasStackTraceContaining("dittofs.nfs.port")
                .hasStackTraceContaining("DITTOFS_NFS_PORT");
        assertThatThrownBy(() -> DittoFsLauncher.start("--dittofs.data-dir=" + tmp, "--dittofs.smb.port=0", "--dittofs.control.enabled=false", "--dittofs.nfs.port=0",
                "--dittofs.gateway.metadata-target=nonsense"))
                .hasStackTraceContaining("dittofs.gateway.metadata-target")
                .hasStackTraceContaining("HOST:PORT");
    }
}
