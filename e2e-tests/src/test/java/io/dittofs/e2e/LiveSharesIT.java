package io.dittofs.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dittofs.nfsclient.Nfs3;
import io.dittofs.nfsclient.NfsClient;
import io.dittofs.nfsclient.RpcClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The suite with its control plane: shares made with the real dfsctl are served over NFS at once,
 * and their rules (read-only, client networks, deletion) are enforced without a restart.
 */
class LiveSharesIT {

    private static final String PASSWORD = "live-shares-admin-pw";

    @TempDir
    Path tmp;

    @Test
    void sharesCreatedWithDfsctlAreServedLiveWithTheirRules() throws Exception {
        Path data = tmp.resolve("data");
        try (Suite suite = Suite.start(data, "--dittofs.control.http-port=0",
                "--dittofs.control.admin-initial-password=" + PASSWORD)) {
            String api = "http://127.0.0.1:" + Files.readString(data.resolve("api.port")).trim();
            Path home = Files.createDirectories(tmp.resolve("home"));
            dfsctl(home, api, "login", "-u", "admin", "-p", PASSWORD);
            dfsctl(home, api, "group", "create", "eng", "--gid", "5001");
            dfsctl(home, api, "user", "create", "alice", "--password", "alice-password-1", "--uid", "2001", "--group", "eng");
            dfsctl(home, api, "share", "create", "live", "--path", "/live", "--protocol", "NFS", "--squash", "NONE");
            dfsctl(home, api, "share", "permission", "grant", "live", "--user", "alice", "--permission", "READ_WRITE");
            dfsctl(home, api, "share", "create", "ro", "--path", "/ro", "--protocol", "NFS", "--read-only");
            dfsctl(home, api, "share", "create", "far", "--path", "/far", "--protocol", "NFS", "--network", "10.0.0.0/8");
            dfsctl(home, api, "user", "create", "bob", "--password", "bob-password-1", "--uid", "2002", "--group", "eng");
            dfsctl(home, api, "share", "create", "team", "--path", "/team", "--protocol", "NFS", "--squash", "NONE",
                    "--default-permission", "NONE");
            dfsctl(home, api, "share", "permission", "grant", "team", "--user", "bob", "--permission", "READ");

            int port = suite.port;
            Path local = tmp.resolve("hello.txt");
            Files.writeString(local, "live share\n");
            // the watch event may trail the API's answer by a moment: wait for the export, then use it
            awaitExit0("nfs-ls", url("live", "", port));
            Tools.ok("nfs-cp", local.toString(), url("live", "hello.txt", port));
            assertThat(Tools.ok("nfs-cat", url("live", "hello.txt", port)).output()).contains("live share");

            awaitExit0("nfs-ls", url("ro", "", port));
            assertThat(Tools.run(List.of("nfs-cp", local.toString(), url("ro", "nope.txt", port))).exit())
                    .as("read-only share refuses a write").isNotZero();
            assertThat(Tools.ok("nfs-ls", url("ro", "", port)).output()).doesNotContain("nope.txt");

            assertThat(Tools.run(List.of("nfs-ls", url("far", "", port))).exit())
                    .as("127.0.0.1 is outside 10.0.0.0/8").isNotZero();

            // per-user share permissions: bob may read /team, alice (no grant, default NONE) may not mount it
            try (NfsClient bob = new NfsClient("127.0.0.1", port, RpcClient.Auth.sys(2002, 5001))) {
                byte[] team = null;
                for (int i = 0; i < 300 && team == null; i++) {
                    try {
                        team = bob.mount("/team");
                    } catch (RuntimeException notYetExported) {
                        Thread.sleep(100);
                    }
                }
                assertThat(team).as("bob mounts /team").isNotNull();
                assertThat(bob.getattr(team).status()).isEqualTo(Nfs3.OK);
                assertThat(bob.remove(team, "anything").status()).as("READ refuses a modifying call").isEqualTo(Nfs3.ACCES);
            }
            try (NfsClient alice = new NfsClient("127.0.0.1", port, RpcClient.Auth.sys(2001, 5001))) {
                assertThatThrownBy(() -> alice.mount("/team")).hasMessageContaining("mountstat3 13");
            }

            try (NfsClient c = new NfsClient("127.0.0.1", port, RpcClient.Auth.sys(2001, 5001))) {
                byte[] root = c.mount("/live");
                assertThat(c.getattr(root).status()).isEqualTo(Nfs3.OK);
                dfsctl(home, api, "share", "delete", "live");
                int status = Nfs3.OK;
                for (int i = 0; i < 300 && status == Nfs3.OK; i++) {
                    status = c.getattr(root).status();
                    if (status == Nfs3.OK) {
                        Thread.sleep(100);
                    }
                }
                assertThat(status).as("a deleted share's handle").isEqualTo(Nfs3.STALE);
            }
            assertThat(Tools.run(List.of("nfs-ls", url("live", "", port))).exit()).as("deleted: no new mount").isNotZero();

            // the same name again is a new, empty share: deleting it deleted its namespace and content
            dfsctl(home, api, "share", "create", "live", "--path", "/live", "--protocol", "NFS", "--squash", "NONE");
            awaitExit0("nfs-ls", url("live", "", port));
            assertThat(Tools.ok("nfs-ls", url("live", "", port)).output()).as("recreated share is empty")
                    .doesNotContain("hello.txt");
            Tools.ok("nfs-cp", local.toString(), url("live", "again.txt", port));
            assertThat(Tools.ok("nfs-cat", url("live", "again.txt", port)).output()).contains("live share");
        }
    }

    private static String url(String share, String path, int port) {
        return "nfs://127.0.0.1/" + share + "/" + path + "?nfsport=" + port + "&mountport=" + port;
    }

    private static void awaitExit0(String... cmd) throws IOException, InterruptedException {
        Tools.Result r = Tools.run(List.of(cmd));
        for (int i = 0; i < 100 && r.exit() != 0; i++) {
            Thread.sleep(100);
            r = Tools.run(List.of(cmd));
        }
        assertThat(r.exit()).as(String.join(" ", cmd) + ": " + r.output()).isZero();
    }

    /** The real dfsctl jar, with its own HOME so its token file stays in the test's directory. */
    private static String dfsctl(Path home, String api, String... args) throws IOException, InterruptedException {
        String jar = System.getProperty("dfsctl.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new AssertionError("dfsctl jar not found at " + jar + " (./mvnw -B -pl cli install)");
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + home, "-jar", jar, "--server", api));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("HOME", home.toString());
        Process p = pb.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(out);
        }
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("dfsctl " + String.join(" ", args) + " did not finish");
        }
        assertThat(p.exitValue()).as("dfsctl " + String.join(" ", args) + ":\n" + out).isZero();
        return out.toString();
    }
}
