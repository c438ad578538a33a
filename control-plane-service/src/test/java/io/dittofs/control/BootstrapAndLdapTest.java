package io.dittofs.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import io.dittofs.contracts.control.v1.IdentityServiceGrpc;
import io.dittofs.contracts.control.v1.ResolveGroupRequest;
import io.dittofs.contracts.control.v1.ResolveUserRequest;
import io.dittofs.contracts.control.v1.ResolveUserResponse;
import io.dittofs.contracts.grpc.GrpcServerHost;
import io.dittofs.contracts.grpc.ServiceChannels;
import io.dittofs.control.auth.Bootstrap;
import io.grpc.ManagedChannel;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * First start without an initial password (random one logged once, forced change), then the LDAP
 * identity provider against a real LDAP server on loopback (UnboundID in-memory directory).
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = ControlPlaneApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BootstrapAndLdapTest {

    static final String BASE = "dc=example,dc=test";
    static final Pattern MARKER = Pattern.compile(Bootstrap.PASSWORD_MARKER + " user=admin password=(\\S+)");
    static final String NEW_ADMIN_PASSWORD = "changed-Admin-pw2";
    static InMemoryDirectoryServer ldap;

    @LocalServerPort
    int port;
    @Autowired
    GrpcServerHost grpc;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) throws IOException {
        Path dir = Files.createTempDirectory("dittofs-control-bootstrap");
        r.add("dittofs.data-dir", dir::toString);
        r.add("dittofs.control.grpc.listen", () -> "127.0.0.1:0");
    }

    @BeforeAll
    static void startLdap() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        config.addAdditionalBindCredentials("cn=Directory Manager", "manager-secret");
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
        config.setSchema(null); // sambaSID is not in the default schema
        ldap = new InMemoryDirectoryServer(config);
        ldap.add("dn: " + BASE, "objectClass: domain", "dc: example");
        ldap.add("dn: ou=people," + BASE, "objectClass: organizationalUnit", "ou: people");
        ldap.add("dn: ou=groups," + BASE, "objectClass: organizationalUnit", "ou: groups");
        ldap.add("dn: uid=lena,ou=people," + BASE, "objectClass: posixAccount", "uid: lena", "cn: Lena",
                "uidNumber: 7001", "gidNumber: 7001", "homeDirectory: /home/lena", "userPassword: lena-secret",
                "sambaSID: S-1-5-21-11-22-33-15002");
        ldap.add("dn: uid=otto,ou=people," + BASE, "objectClass: posixAccount", "uid: otto", "cn: Otto",
                "uidNumber: 7003", "gidNumber: 7003", "homeDirectory: /home/otto", "userPassword: otto-secret");
        ldap.add("dn: cn=ldapadmins,ou=groups," + BASE, "objectClass: posixGroup", "cn: ldapadmins",
                "gidNumber: 7100", "memberUid: lena");
        ldap.add("dn: cn=staff,ou=groups," + BASE, "objectClass: posixGroup", "cn: staff",
                "gidNumber: 7200", "memberUid: lena", "memberUid: otto", "sambaSID: S-1-5-21-11-22-33-15401");
        ldap.startListening();
    }

    @AfterAll
    static void stopLdap() {
        ldap.shutDown(true);
    }

    @Test
    @Order(1)
    void randomInitialPasswordIsLoggedOnceAndMustBeChanged(CapturedOutput output) {
        Matcher m = MARKER.matcher(output.getAll());
        assertThat(m.find()).as("the random admin password is logged with its marker").isTrue();
        String initial = m.group(1);
        assertThat(m.find()).as("logged only once").isFalse();

        ApiClient admin = new ApiClient(port);
        ApiClient.Response login = admin.post("/api/v1/auth/login", "{\"username\":\"admin\",\"password\":\"" + initial + "\"}");
        assertThat(login.json().get("mustChangePassword").asBoolean()).isTrue();
        ApiClient a = admin.as(login.json().get("accessToken").asString());
        AbstractApiTest.assertProblem(a.get("/api/v1/users"), 403, "password-change-required", null);
        AbstractApiTest.assertProblem(a.post("/api/v1/shares", "{\"name\":\"early\"}"), 403, "password-change-required", null);
        ApiClient.Response changed = a.put("/api/v1/users/admin/password",
                "{\"currentPassword\":\"" + initial + "\",\"newPassword\":\"" + NEW_ADMIN_PASSWORD + "\"}");
        assertThat(changed.status()).as(changed.raw()).isEqualTo(204);
        assertThat(a.get("/api/v1/users").status()).isEqualTo(200);
        assertThat(admin.as(null).post("/api/v1/auth/login", "{\"username\":\"admin\",\"password\":\"" + initial + "\"}").status())
                .isEqualTo(401);
    }

    @Test
    @Order(2)
    void ldapUsersResolveLogInAndAreCached() throws Exception {
        ApiClient admin = new ApiClient(port);
        admin.login("admin", NEW_ADMIN_PASSWORD);
        String url = "ldap://127.0.0.1:" + ldap.getListenPort();
        ApiClient.Response configured = admin.put("/api/v1/identity-provider", "{\"ldapEnabled\":true,\"ldapUrl\":\"" + url + "\","
                + "\"bindDn\":\"cn=Directory Manager\",\"bindPassword\":\"manager-secret\",\"userSearchBase\":\"ou=people," + BASE + "\","
                + "\"groupSearchBase\":\"ou=groups," + BASE + "\",\"adminGroup\":\"ldapadmins\",\"cacheTtlSeconds\":3600}");
        assertThat(configured.status()).as(configured.raw()).isEqualTo(200);
        assertThat(configured.json().get("bindPasswordSet").asBoolean()).isTrue();
        assertThat(configured.raw()).doesNotContain("manager-secret");
        assertThat(admin.get("/api/v1/identity-provider").raw()).doesNotContain("manager-secret");

        JsonNode lena = admin.get("/api/v1/identity-provider/users/lena").json();
        assertThat(lena.get("uid").asLong()).isEqualTo(7001);
        assertThat(lena.get("source").asString()).isEqualTo("ldap");
        assertThat(lena.get("gids").toString()).contains("7100", "7200");

        ManagedChannel channel = ServiceChannels.open("127.0.0.1:" + grpc.port());
        try {
            var identity = IdentityServiceGrpc.newBlockingStub(channel);
            ResolveUserResponse byUid = identity.resolveUser(ResolveUserRequest.newBuilder().setUid(7001).build());
            assertThat(byUid.getUser().getName()).isEqualTo("lena");
            assertThat(identity.resolveUser(ResolveUserRequest.newBuilder().setSid("S-1-5-21-11-22-33-15002").build())
                    .getUser().getName()).isEqualTo("lena");
            var staff = identity.resolveGroup(ResolveGroupRequest.newBuilder().setGid(7200).build());
            assertThat(staff.getGroup().getName()).isEqualTo("staff");
            assertThat(staff.getGroup().getMembersList()).containsExactlyInAnyOrder("lena", "otto");
            assertThat(identity.resolveUser(ResolveUserRequest.newBuilder().setName("nobody").build()).getFound()).isFalse();
        } finally {
            channel.shutdownNow();
        }

        // LDAP credentials log in to the admin API; ldapadmins members are admins, others users
        ApiClient asLena = admin.as(null);
        asLena.login("lena", "lena-secret");
        assertThat(asLena.get("/api/v1/users").status()).isEqualTo(200);
        ApiClient asOtto = admin.as(null);
        asOtto.login("otto", "otto-secret");
        assertThat(asOtto.get("/api/v1/status").status()).isEqualTo(200);
        AbstractApiTest.assertProblem(asOtto.get("/api/v1/users"), 403, "forbidden", null);
        AbstractApiTest.assertProblem(admin.as(null).post("/api/v1/auth/login", "{\"username\":\"lena\",\"password\":\"wrong-one\"}"),
                401, "bad-credentials", null);

        // answers are cached for the TTL; a configuration change drops the cache
        ldap.modify("uid=lena,ou=people," + BASE, new Modification(ModificationType.REPLACE, "uidNumber", "7002"));
        assertThat(admin.get("/api/v1/identity-provider/users/lena").json().get("uid").asLong()).isEqualTo(7001);
        admin.put("/api/v1/identity-provider", "{\"cacheTtlSeconds\":0}");
        assertThat(admin.get("/api/v1/identity-provider/users/lena").json().get("uid").asLong()).isEqualTo(7002);

        // ldaps:// means TLS: against this plain-text listener the handshake fails instead of falling back
        admin.put("/api/v1/identity-provider", "{\"ldapUrl\":\"ldaps://127.0.0.1:" + ldap.getListenPort() + "\"}");
        AbstractApiTest.assertProblem(admin.get("/api/v1/identity-provider/users/lena"), 502, "directory-unavailable", null);
    }
}
