package io.dittofs.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.contracts.control.v1.ConfigEvent;
import io.dittofs.contracts.control.v1.ConfigSnapshot;
import io.dittofs.contracts.control.v1.ConfigWatchServiceGrpc;
import io.dittofs.contracts.control.v1.GetNtHashRequest;
import io.dittofs.contracts.control.v1.GetSnapshotRequest;
import io.dittofs.contracts.control.v1.IdentityServiceGrpc;
import io.dittofs.contracts.control.v1.ResolveUserRequest;
import io.dittofs.contracts.control.v1.ResolveUserResponse;
import io.dittofs.contracts.control.v1.Share;
import io.dittofs.contracts.control.v1.WatchRequest;
import io.dittofs.contracts.grpc.GrpcServerHost;
import io.dittofs.contracts.grpc.ServiceChannels;
import io.dittofs.control.auth.JwtCodec;
import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The admin API over real HTTP against a real database (H2 file or PostgreSQL, per subclass):
 * the happy paths, and bad input that must be refused with the right 4xx and change nothing.
 */
abstract class AbstractApiTest {

    static final String ADMIN_PASSWORD = "initial-Admin-pw1";
    static final String JWT_SECRET = "0123456789abcdef0123456789abcdef-test-only";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    GrpcServerHost grpc;

    ApiClient admin;

    @BeforeEach
    void login() {
        admin = new ApiClient(port);
        admin.login("admin", ADMIN_PASSWORD);
    }

    /** Row counts of every table plus the config revision: what "changes nothing" means. */
    Map<String, Long> dbState() {
        Map<String, Long> m = new java.util.TreeMap<>();
        for (String t : new String[] {"dfs_user", "dfs_group", "dfs_group_member", "dfs_store", "dfs_share",
                "dfs_share_network", "dfs_share_permission", "dfs_adapter", "dfs_config_event"}) {
            m.put(t, jdbc.queryForObject("SELECT COUNT(*) FROM " + t, Long.class));
        }
        m.put("revision", jdbc.queryForObject("SELECT revision FROM dfs_config_revision WHERE id = 1", Long.class));
        return m;
    }

    static void assertProblem(ApiClient.Response r, int status, String problem, String field) {
        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode j = r.json();
        assertThat(j.get("type").asString()).isEqualTo("https://dittofs.io/problems/" + problem);
        if (field != null) {
            assertThat(j.get("field").asString()).isEqualTo(field);
        }
    }

    @Test
    void seededDefaultsMakeAFreshSuiteUsable() {
        JsonNode share = admin.get("/api/v1/shares/export").json();
        assertThat(share.get("exportPath").asString()).isEqualTo("/export");
        assertThat(share.get("metadataStore").asString()).isEqualTo("default");
        assertThat(admin.get("/api/v1/stores/metadata/default").json().get("kind").asString()).isEqualTo("rocksdb");
        assertThat(admin.get("/api/v1/stores/block/default").json().get("kind").asString()).isEqualTo("fs");
        assertThat(admin.get("/api/v1/adapters/nfs").json().get("maxVersion").asString()).isEqualTo("4.2");
    }

    @Test
    void userGroupShareAndPermissionLifecycle() {
        assertThat(admin.post("/api/v1/groups", "{\"name\":\"eng\",\"gid\":5001}").status()).isEqualTo(201);
        ApiClient.Response created = admin.post("/api/v1/users",
                "{\"name\":\"alice\",\"password\":\"alice-password\",\"uid\":2001,\"groups\":[\"eng\"]}");
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        JsonNode alice = created.json();
        assertThat(alice.get("groups").get(0).asString()).isEqualTo("eng");
        assertThat(alice.get("sid").asString()).startsWith("S-1-5-21-").endsWith("-" + (2 * 2001 + 1000));
        assertThat(created.raw()).doesNotContainIgnoringCase("hash").doesNotContain("alice-password");
        assertThat(jdbc.queryForObject("SELECT password_hash FROM dfs_user WHERE name='alice'", String.class)).startsWith("$2");
        byte[] nt = jdbc.queryForObject("SELECT nt_hash FROM dfs_user WHERE name='alice'", byte[].class);
        assertThat(nt).hasSize(16);

        ApiClient.Response share = admin.post("/api/v1/shares",
                "{\"name\":\"projects\",\"readOnly\":true,\"squash\":\"ALL\",\"allowedNetworks\":[\"10.1.2.0/24\",\"127.0.0.1\"],"
                        + "\"protocols\":[\"NFS\",\"SMB\"]}");
        assertThat(share.status()).as(share.raw()).isEqualTo(201);
        assertThat(share.json().get("protocols").toString()).contains("NFS", "SMB");
        assertThat(share.json().get("exportPath").asString()).isEqualTo("/projects");
        assertThat(share.json().get("allowedNetworks").toString()).contains("10.1.2.0/24", "127.0.0.1/32");

        ApiClient.Response granted = admin.post("/api/v1/shares/projects/permissions", "{\"user\":\"alice\",\"permission\":\"READ\"}");
        assertThat(granted.status()).as(granted.raw()).isEqualTo(200);
        admin.post("/api/v1/shares/projects/permissions", "{\"group\":\"eng\",\"permission\":\"READ_WRITE\"}");
        assertThat(admin.get("/api/v1/shares/projects").json().get("permissions")).hasSize(2);
        assertThat(admin.delete("/api/v1/shares/projects/permissions/groups/eng").status()).isEqualTo(200);

        // a user reads its own status but cannot administer
        ApiClient asAlice = admin.as(null);
        asAlice.login("alice", "alice-password");
        assertThat(asAlice.get("/api/v1/status").status()).isEqualTo(200);
        assertProblem(asAlice.get("/api/v1/users"), 403, "forbidden", null);
        assertProblem(asAlice.put("/api/v1/users/admin/password", "{\"currentPassword\":\"x\",\"newPassword\":\"whatever-123\"}"),
                403, "not-your-password", "name");
        ApiClient.Response changed = asAlice.put("/api/v1/users/alice/password",
                "{\"currentPassword\":\"alice-password\",\"newPassword\":\"alice-password-2\"}");
        assertThat(changed.status()).as(changed.raw()).isEqualTo(204);
        asAlice.login("alice", "alice-password-2");

        // deleting the user removes its grant and revokes its token at once
        assertThat(admin.delete("/api/v1/users/alice").status()).isEqualTo(204);
        assertProblem(asAlice.get("/api/v1/status"), 401, "invalid-token", null);
        assertThat(admin.get("/api/v1/shares/projects").json().get("permissions")).isEmpty();
        assertThat(admin.delete("/api/v1/shares/projects").status()).isEqualTo(204);
        assertThat(admin.delete("/api/v1/groups/eng").status()).isEqualTo(204);
    }

    @Test
    void globalSettingsMergeAndValidate() {
        ApiClient.Response put = admin.put("/api/v1/settings", "{\"nfs.domain\":\"example.test\"}");
        assertThat(put.status()).as(put.raw()).isEqualTo(200);
        assertThat(put.json().get("nfs.domain").asString()).isEqualTo("example.test");
        assertThat(admin.get("/api/v1/settings").json().get("smb.domain-sid").asString()).startsWith("S-1-5-21-");
        assertProblem(admin.put("/api/v1/settings", "{\"Bad Name\":\"x\"}"), 422, "invalid-field", "Bad Name");
        assertProblem(admin.put("/api/v1/settings", "{\"smb.domain-sid\":\"not-a-sid\"}"), 422, "invalid-field", "smb.domain-sid");
        assertThat(admin.put("/api/v1/settings", "{\"nfs.domain\":null}").json().has("nfs.domain")).isFalse();
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        admin.post("/api/v1/users", "{\"name\":\"bob\",\"password\":\"bob-password\",\"uid\":3001}");
        Map<String, Long> before = dbState();

        assertProblem(admin.post("/api/v1/users", "{\"name\":\"carol\",\"password\":"), 400, "malformed-json", null);
        assertProblem(admin.post("/api/v1/users", "{\"name\":\"carol\",\"password\":\"carol-password\",\"colour\":\"red\"}"),
                400, "unknown-field", "colour");
        assertProblem(admin.post("/api/v1/users", "{\"name\":\"bob\",\"password\":\"bob-password\"}"), 409, "conflict", "name");
        assertProblem(admin.post("/api/v1/users", "{\"name\":\"carol\",\"password\":\"carol-password\",\"uid\":3001}"), 409, "conflict", "uid");
        assertProblem(admin.post("/api/v1/users", "{\"name\":\"carol\",\"password\":\"short\"}"), 400, "invalid-field", "password");
        assertProblem(admin.post("/api/v1/users", "{\"name\":\"carol\",\"password\":\"carol-password\",\"uid\":\"many\"}"), 400, "invalid-field", "uid");
        assertProblem(admin.post("/api/v1/users", "{\"name\":\"carol\",\"password\":\"carol-password\",\"groups\":[\"nope\"]}"),
                422, "invalid-field", "groups[0]");
        assertProblem(admin.post("/api/v1/shares", "{\"name\":\"export\"}"), 409, "conflict", "name");
        assertProblem(admin.post("/api/v1/shares", "{\"name\":\"s1\",\"metadataStore\":\"missing\"}"), 400, "unsupported-field", "metadataStore");
        assertProblem(admin.post("/api/v1/shares", "{\"name\":\"s1\",\"blockStore\":\"missing\"}"), 400, "unsupported-field", "blockStore");
        // nothing the gateway would not honour is accepted: per-share SMB options, per-share stores, live adapter changes
        assertProblem(admin.post("/api/v1/shares", "{\"name\":\"s1\",\"guestAllowed\":true}"), 400, "unsupported-field", "guestAllowed");
        assertProblem(admin.post("/api/v1/shares", "{\"name\":\"s1\",\"smbEncryptionRequired\":true}"), 400, "unsupported-field", "smbEncryptionRequired");
        assertProblem(admin.put("/api/v1/shares/export", "{\"blockStore\":\"other\"}"), 400, "unsupported-field", "blockStore");
        assertProblem(admin.put("/api/v1/adapters/nfs", "{\"port\":2050}"), 400, "unsupported-field", "port");
        assertProblem(admin.put("/api/v1/adapters/nfs", "{\"maxVersion\":\"3\"}"), 400, "unsupported-field", "maxVersion");
        assertProblem(admin.post("/api/v1/adapters", "{\"kind\":\"smb\"}"), 400, "unsupported-field", "kind");
        assertProblem(admin.delete("/api/v1/adapters/nfs"), 400, "unsupported-field", "kind");
        assertProblem(admin.post("/api/v1/shares", "{\"name\":\"s1\",\"allowedNetworks\":[\"10.0.0.0/33\"]}"), 422, "invalid-field", "allowedNetworks[0]");
        assertProblem(admin.post("/api/v1/shares", "{\"name\":\"s1\",\"squash\":\"SOME\"}"), 400, "invalid-field", "squash");
        assertProblem(admin.post("/api/v1/stores/metadata", "{\"name\":\"default\",\"kind\":\"memory\"}"), 409, "conflict", "name");
        assertProblem(admin.post("/api/v1/stores/metadata", "{\"name\":\"m2\",\"kind\":\"floppy\"}"), 422, "invalid-field", "kind");
        assertProblem(admin.delete("/api/v1/stores/block/default"), 409, "conflict", "name");
        assertProblem(admin.post("/api/v1/adapters", "{\"kind\":\"nfs\"}"), 409, "conflict", "kind");
        assertProblem(admin.put("/api/v1/adapters/nfs", "{\"minVersion\":\"4.2\",\"maxVersion\":\"3\"}"), 422, "invalid-field", "minVersion");
        assertProblem(admin.post("/api/v1/shares/export/permissions", "{\"user\":\"bob\",\"group\":\"x\",\"permission\":\"READ\"}"),
                422, "invalid-field", null);
        assertProblem(admin.get("/api/v1/users/nobody"), 404, "not-found", null);
        assertProblem(admin.delete("/api/v1/users/admin"), 409, "conflict", "name");
        assertProblem(admin.put("/api/v1/users/admin", "{\"enabled\":false}"), 409, "conflict", "enabled");
        assertProblem(admin.put("/api/v1/users/admin", "{\"role\":\"USER\"}"), 409, "conflict", "role");

        assertThat(dbState()).isEqualTo(before);
    }

    @Test
    void tokensForgedExpiredOrRevokedGet401() {
        Map<String, Long> before = dbState();
        String body = "{\"name\":\"mallory\",\"password\":\"mallory-password\"}";
        assertProblem(admin.as(null).post("/api/v1/users", body), 401, "unauthenticated", null);
        String forged = new JwtCodec(() -> "another-secret-another-secret-another-secret".getBytes())
                .encode(new JwtCodec.Claims("admin", "x", "ADMIN", Instant.now(), Instant.now().plusSeconds(600)));
        assertProblem(admin.as(forged).post("/api/v1/users", body), 401, "invalid-token", null);
        String[] parts = admin.token.split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
        assertProblem(admin.as(tampered).post("/api/v1/users", body), 401, "invalid-token", null);
        // right key, right session, but expired
        String sid = admin.get("/api/v1/auth/me").json().get("name").asString();
        assertThat(sid).isEqualTo("admin");
        String expired = new JwtCodec(JWT_SECRET::getBytes).encode(new JwtCodec.Claims("admin",
                jdbc.queryForObject("SELECT id FROM dfs_session WHERE user_name='admin' LIMIT 1", String.class),
                "ADMIN", Instant.now().minusSeconds(1200), Instant.now().minusSeconds(600)));
        assertProblem(admin.as(expired).post("/api/v1/users", body), 401, "invalid-token", null);
        assertProblem(admin.as(null).post("/api/v1/auth/login", "{\"username\":\"admin\",\"password\":\"wrong-password\"}"),
                401, "bad-credentials", null);
        assertThat(dbState()).isEqualTo(before);

        // logout revokes both the access token and the refresh token
        ApiClient other = admin.as(null);
        ApiClient.Response tokens = other.post("/api/v1/auth/login", "{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}");
        String access = tokens.json().get("accessToken").asString();
        String refresh = tokens.json().get("refreshToken").asString();
        ApiClient.Response refreshed = other.post("/api/v1/auth/refresh", "{\"refreshToken\":\"" + refresh + "\"}");
        assertThat(refreshed.status()).isEqualTo(200);
        assertProblem(other.post("/api/v1/auth/refresh", "{\"refreshToken\":\"" + refresh + "\"}"), 401, "invalid-token", "refreshToken");
        String rotated = refreshed.json().get("refreshToken").asString();
        assertThat(admin.as(access).post("/api/v1/auth/logout", null).status()).isEqualTo(204);
        assertProblem(admin.as(access).get("/api/v1/status"), 401, "invalid-token", null);
        assertProblem(other.post("/api/v1/auth/refresh", "{\"refreshToken\":\"" + rotated + "\"}"), 401, "invalid-token", "refreshToken");
    }

    @Test
    void watchStreamSeesRestChangesAndIdentityServiceResolves() throws Exception {
        ManagedChannel channel = ServiceChannels.open("127.0.0.1:" + grpc.port());
        try {
            BlockingQueue<ConfigEvent> events = new LinkedBlockingQueue<>();
            ConfigWatchServiceGrpc.newStub(channel).watch(WatchRequest.newBuilder().setSubscriber("test").build(),
                    new StreamObserver<>() {
                        public void onNext(ConfigEvent e) { events.add(e); }
                        public void onError(Throwable t) { events.add(ConfigEvent.getDefaultInstance()); }
                        public void onCompleted() { }
                    });
            ConfigEvent first = next(events);
            assertThat(first.hasSnapshot()).isTrue();
            assertThat(first.getSnapshot().getSharesList()).extracting(Share::getName).contains("export");

            assertThat(admin.post("/api/v1/shares", "{\"name\":\"live\",\"readOnly\":true,\"allowedNetworks\":[\"10.0.0.0/8\"]}").status()).isEqualTo(201);
            ConfigEvent upserted = next(events);
            assertThat(upserted.getShareUpserted().getName()).isEqualTo("live");
            assertThat(upserted.getShareUpserted().getReadOnly()).isTrue();
            assertThat(upserted.getShareUpserted().getAllowedNetworksList()).containsExactly("10.0.0.0/8");
            assertThat(upserted.getRevision()).isGreaterThan(first.getRevision());

            assertThat(admin.delete("/api/v1/shares/live").status()).isEqualTo(204);
            ConfigEvent deleted = next(events);
            assertThat(deleted.getShareDeleted()).isEqualTo("live");
            assertThat(deleted.getRevision()).isEqualTo(upserted.getRevision() + 1);

            // a watcher that resumes from a revision gets the persisted events after it, no snapshot
            BlockingQueue<ConfigEvent> resumed = new LinkedBlockingQueue<>();
            ConfigWatchServiceGrpc.newStub(channel).watch(WatchRequest.newBuilder().setSinceRevision(first.getRevision()).build(),
                    new StreamObserver<>() {
                        public void onNext(ConfigEvent e) { resumed.add(e); }
                        public void onError(Throwable t) { resumed.add(ConfigEvent.getDefaultInstance()); }
                        public void onCompleted() { }
                    });
            assertThat(next(resumed).getRevision()).isEqualTo(first.getRevision() + 1);

            ConfigSnapshot snapshot = ConfigWatchServiceGrpc.newBlockingStub(channel).getSnapshot(GetSnapshotRequest.getDefaultInstance());
            assertThat(snapshot.getRevision()).isEqualTo(deleted.getRevision());
            assertThat(snapshot.getSharesList()).extracting(Share::getName).doesNotContain("live");

            admin.post("/api/v1/users", "{\"name\":\"ntuser\",\"password\":\"password\",\"uid\":4001}");
            var identity = IdentityServiceGrpc.newBlockingStub(channel);
            ResolveUserResponse byUid = identity.resolveUser(ResolveUserRequest.newBuilder().setUid(4001).build());
            assertThat(byUid.getFound()).isTrue();
            assertThat(byUid.getUser().getName()).isEqualTo("ntuser");
            assertThat(identity.resolveUser(ResolveUserRequest.newBuilder().setSid(byUid.getUser().getSid()).build()).getUser().getUid())
                    .isEqualTo(4001);
            assertThat(identity.resolveUser(ResolveUserRequest.newBuilder().setName("ghost").build()).getFound()).isFalse();
            // MD4(UTF-16LE("password")), the well-known NT hash of that password
            assertThat(HexFormat.of().formatHex(identity.getNtHash(GetNtHashRequest.newBuilder().setUser("ntuser").build())
                    .getNtHash().toByteArray())).isEqualTo("8846f7eaee8fb117ad06bdd830b7586c");
            assertThat(next(events).getUserUpserted().getName()).isEqualTo("ntuser");
            admin.delete("/api/v1/users/ntuser");
            assertThat(next(events).getUserDeleted()).isEqualTo("ntuser");
        } finally {
            channel.shutdownNow();
        }
    }

    /** Writers racing each other still produce one event each, in gapless increasing revision order. */
    @Test
    void concurrentChangesGetConsecutiveRevisionsOnTheWatchStream() throws Exception {
        ManagedChannel channel = ServiceChannels.open("127.0.0.1:" + grpc.port());
        try {
            BlockingQueue<ConfigEvent> events = new LinkedBlockingQueue<>();
            ConfigWatchServiceGrpc.newStub(channel).watch(WatchRequest.newBuilder().setSubscriber("race").build(),
                    new StreamObserver<>() {
                        public void onNext(ConfigEvent e) { events.add(e); }
                        public void onError(Throwable t) { events.add(ConfigEvent.getDefaultInstance()); }
                        public void onCompleted() { }
                    });
            long start = next(events).getRevision();
            int writers = 8;
            try (var pool = java.util.concurrent.Executors.newFixedThreadPool(writers)) {
                List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
                for (int i = 0; i < writers; i++) {
                    int n = i;
                    results.add(pool.submit(() -> admin.post("/api/v1/shares", "{\"name\":\"race" + n + "\"}").status()));
                }
                for (var r : results) {
                    assertThat(r.get()).isEqualTo(201);
                }
            }
            java.util.Set<String> names = new java.util.HashSet<>();
            for (int i = 1; i <= writers; i++) {
                ConfigEvent e = next(events);
                assertThat(e.getRevision()).isEqualTo(start + i);
                names.add(e.getShareUpserted().getName());
            }
            assertThat(names).hasSize(writers);
            for (int i = 0; i < writers; i++) {
                admin.delete("/api/v1/shares/race" + i);
            }
        } finally {
            channel.shutdownNow();
        }
    }

    private static ConfigEvent next(BlockingQueue<ConfigEvent> q) throws InterruptedException {
        // bounded wait so a missing event fails the test instead of hanging it
        ConfigEvent e = q.poll(30, TimeUnit.SECONDS);
        assertThat(e).as("expected a watch event").isNotNull();
        assertThat(e).as("the watch stream failed").isNotEqualTo(ConfigEvent.getDefaultInstance());
        return e;
    }

    @Test
    void healthReadinessAndPrometheusAreServed() {
        ApiClient anon = admin.as(null);
        assertThat(anon.get("/actuator/health/readiness").raw()).contains("UP");
        assertThat(anon.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(anon.get("/actuator/prometheus").status()).as("metrics need a token").isEqualTo(401);
        ApiClient.Response prom = admin.get("/actuator/prometheus");
        assertThat(prom.status()).isEqualTo(200);
        assertThat(prom.raw()).contains("jvm_memory_used_bytes");
    }
}
