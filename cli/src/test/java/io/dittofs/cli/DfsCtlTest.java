package io.dittofs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.control.ControlPlaneApplication;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** dfsctl against a real control plane on a random port (embedded H2 database). */
@SpringBootTest(classes = ControlPlaneApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DfsCtlTest {

    static final String ADMIN_PASSWORD = "cli-Admin-pw-1";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @TempDir
    Path config;

    Map<String, String> env;

    record Run(int exit, String out, String err) {
        JsonNode json() {
            return JSON.readTree(out);
        }
    }

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) throws IOException {
        Path dir = Files.createTempDirectory("dittofs-cli-test");
        r.add("dittofs.data-dir", dir::toString);
        r.add("dittofs.control.admin-initial-password", () -> ADMIN_PASSWORD);
        r.add("dittofs.control.grpc.listen", () -> "127.0.0.1:0");
    }

    @BeforeEach
    void environment() {
        env = new HashMap<>();
        env.put("DITTOFS_SERVER", "http://127.0.0.1:" + port);
    }

    Run dfsctl(String... args) {
        String[] full = new String[args.length + 2];
        full[0] = "--config-dir";
        full[1] = config.toString();
        System.arraycopy(args, 0, full, 2, args.length);
        return raw(full);
    }

    Run raw(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = DfsCtl.run(args, new PrintWriter(out), new PrintWriter(err), env);
        return new Run(exit, out.toString(), err.toString());
    }

    Run ok(String... args) {
        Run r = dfsctl(args);
        assertThat(r.exit()).as("dfsctl %s: %s", String.join(" ", args), r.err()).isZero();
        return r;
    }

    @Test
    void loginManageEverythingAndLogout() throws IOException {
        Run wrong = dfsctl("login", "-u", "admin", "-p", "not-the-password");
        assertThat(wrong.exit()).isEqualTo(1);
        assertThat(wrong.err()).contains("unknown user or wrong password").contains("[401]");

        ok("login", "-u", "admin", "-p", ADMIN_PASSWORD);
        Path saved = config.resolve("credentials.json");
        assertThat(Files.getPosixFilePermissions(saved)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(ok("status").out()).contains("revision:").contains("dittofs-control-plane");
        // health of every service: the control plane's actuator, and each --service management URL
        String status = ok("status", "--service", "gone=http://127.0.0.1:1").out();
        assertThat(status).containsPattern("(?m)^control-plane +UP +- +http").containsPattern("(?m)^gone +UNREACHABLE +");
        assertThat(ok("-o", "json", "status").out()).contains("\"health\"", "\"service\" : \"control-plane\"");

        ok("group", "create", "eng", "--gid", "5001");
        ok("user", "create", "alice", "--password", "alice-password", "--uid", "2001", "--group", "eng");
        String table = ok("user", "list").out();
        String[] lines = table.split("\n");
        assertThat(lines[0]).startsWith("NAME").contains("UID").contains("MUST_CHANGE_PASSWORD");
        String aliceLine = java.util.Arrays.stream(lines).filter(l -> l.startsWith("alice ")).findFirst().orElseThrow();
        assertThat(aliceLine.indexOf("2001")).as("columns are aligned").isEqualTo(lines[0].indexOf("UID"));
        assertThat(table).doesNotContain("alice-password");
        JsonNode alice = ok("user", "get", "alice", "-o", "json").json();
        assertThat(alice.get("groups").get(0).asString()).isEqualTo("eng");
        assertThat(ok("-o", "yaml", "user", "get", "alice").out()).contains("name: alice").contains("uid: 2001");

        ok("share", "create", "projects", "--read-only", "--network", "10.0.0.0/8", "--protocol", "NFS");
        ok("share", "permission", "grant", "projects", "--user", "alice", "--permission", "READ");
        ok("share", "permission", "grant", "projects", "--group", "eng", "--permission", "READ_WRITE");
        JsonNode share = ok("share", "get", "projects", "-o", "json").json();
        assertThat(share.get("readOnly").asBoolean()).isTrue();
        assertThat(share.get("allowedNetworks").get(0).asString()).isEqualTo("10.0.0.0/8");
        assertThat(share.get("permissions")).hasSize(2);
        assertThat(ok("share", "list").out()).contains("projects").contains("user=alice permission=READ");

        Run missingStore = dfsctl("share", "create", "bad", "--metadata-store", "missing");
        assertThat(missingStore.exit()).isEqualTo(1);
        assertThat(missingStore.err()).contains("per-share metadata stores are not served yet").contains("field: metadataStore")
                .contains("[400]");
        Run duplicate = dfsctl("user", "create", "alice", "--password", "alice-password");
        assertThat(duplicate.exit()).isEqualTo(1);
        assertThat(duplicate.err()).contains("already exists").contains("[409]");

        assertThat(ok("store", "list").out()).contains("metadata").contains("rocksdb").contains("block");
        ok("store", "create", "metadata", "scratch", "--kind", "memory", "--set", "note=for tests");
        assertThat(ok("store", "get", "metadata", "scratch", "-o", "json").json().get("settings").get("note").asString())
                .isEqualTo("for tests");
        ok("store", "delete", "metadata", "scratch");

        // the API refuses adapter changes a running gateway would not apply (400 naming the field)
        Run port = dfsctl("adapter", "update", "nfs", "--port", "12049");
        assertThat(port.exit()).isEqualTo(1);
        assertThat(port.err()).contains("field: port").contains("[400]");
        assertThat(ok("adapter", "get", "nfs", "-o", "json").json().get("port").asInt()).isNotEqualTo(12049);
        Run smb = dfsctl("adapter", "create", "smb", "--port", "1445", "--min-version", "3.0");
        assertThat(smb.exit()).isEqualTo(1);
        assertThat(smb.err()).contains("field: kind").contains("[400]");
        assertThat(ok("adapter", "list").out()).contains("nfs").doesNotContain("smb");

        ok("idp", "update", "--kerberos-realm", "EXAMPLE.TEST", "--bind-password", "sekret-value");
        Run idp = ok("idp", "get", "-o", "json");
        assertThat(idp.json().get("kerberosRealm").asString()).isEqualTo("EXAMPLE.TEST");
        assertThat(idp.out()).doesNotContain("sekret-value");
        assertThat(ok("idp", "get", "--user", "alice", "-o", "json").json().get("uid").asLong()).isEqualTo(2001);

        ok("share", "permission", "revoke", "projects", "--user", "alice");
        ok("share", "delete", "projects");
        ok("user", "delete", "alice");
        ok("group", "delete", "eng");
        assertThat(dfsctl("user", "get", "alice").exit()).isEqualTo(1);

        ok("logout");
        assertThat(saved).doesNotExist();
        Run after = dfsctl("status");
        assertThat(after.exit()).isEqualTo(1);
        assertThat(after.err()).contains("not logged in");
    }

    @Test
    void xdgConfigHomeIsHonouredAndUnreachableServersFail() {
        env.put("XDG_CONFIG_HOME", config.toString());
        assertThat(raw("login", "-u", "admin", "-p", ADMIN_PASSWORD).exit()).isZero();
        assertThat(config.resolve("dittofs").resolve("credentials.json")).exists();
        assertThat(raw("status").exit()).isZero();
        assertThat(raw("logout").exit()).isZero();

        env.remove("DITTOFS_SERVER");
        Run unreachable = raw("--server", "http://127.0.0.1:1", "login", "-u", "admin", "-p", "x");
        assertThat(unreachable.exit()).isEqualTo(1);
        assertThat(unreachable.err()).contains("cannot connect");
    }

    @Test
    void completionAndUsageErrors() {
        Run completion = raw("completion", "bash");
        assertThat(completion.exit()).isZero();
        assertThat(completion.out()).contains("complete -F").contains("dfsctl").contains("permission");
        assertThat(raw("share", "permission", "grant", "projects", "--permission", "READ").exit())
                .as("grant needs --user or --group").isEqualTo(2);
        assertThat(raw("frobnicate").exit()).isEqualTo(2);
    }
}
