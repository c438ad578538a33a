package io.dittofs.gateway.nfs.v3;

import io.dittofs.gateway.fixture.GatewayFixture;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.share.Network;
import io.dittofs.gateway.share.Share;
import io.dittofs.gateway.share.SharePermissions;
import io.dittofs.gateway.share.Squash;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Each test gets fresh services on memory stores. Shares: {@code /export} (read-write, no
 * squash), {@code /ro} (read-only), {@code /lan} (10.0.0.0/8 only), {@code /grants} (nobody by
 * default, uid 1000 READ, uid 1001 READ_WRITE) and {@code /squashed} (every caller is 65534).
 */
abstract class Nfs3FixtureTestBase {

    static final int ALICE = 1000;
    static final int BOB = 2000;

    GatewayFixture fixture;
    /** uid 1000 from 127.0.0.1. */
    Nfs3TestClient alice;
    /** uid 2000 from 127.0.0.1. */
    Nfs3TestClient bob;
    byte[] root;

    @BeforeEach
    void startFixture() throws Exception {
        fixture = new GatewayFixture(List.of(
                new Share("export", "/export", false, Squash.NONE, 65534, 65534, List.of()),
                new Share("ro", "/ro", true, Squash.NONE, 65534, 65534, List.of()),
                new Share("lan", "/lan", false, Squash.NONE, 65534, 65534, List.of(Network.parse("10.0.0.0/8"))),
                new Share("grants", "/grants", false, Squash.NONE, 65534, 65534, List.of(),
                        new SharePermissions(SharePermissions.Level.NONE,
                                Map.of(ALICE, SharePermissions.Level.READ, 1001, SharePermissions.Level.READ_WRITE), Map.of())),
                new Share("squashed", "/squashed", false, Squash.ALL, 65534, 65534, List.of())));
        alice = new Nfs3TestClient(fixture, GatewayFixture.context("127.0.0.1", GatewayFixture.user(ALICE, ALICE)));
        bob = alice.as(GatewayFixture.context("127.0.0.1", GatewayFixture.user(BOB, BOB)));
        root = alice.mount("/export");
    }

    @AfterEach
    void stopFixture() throws Exception {
        fixture.close();
    }

    /** A regular file of alice's with {@code content}, mode 0644. */
    byte[] file(String name, byte[] content) throws XdrException {
        byte[] fh = alice.create(root, name, 0644).handle();
        if (content.length > 0) {
            alice.writeStatus(fh, 0, content);
        }
        return fh;
    }
}
