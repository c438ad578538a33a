package io.dittofs.gateway.nfs.v3;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.gateway.fixture.GatewayFixture;
import io.dittofs.gateway.rpc.Outcome;
import io.dittofs.gateway.rpc.XdrReader;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The share gate as NFSv3 answers it: STALE, BADHANDLE, ROFS, ACCES, squash, service failures. */
class Nfs3ShareGateTest extends Nfs3FixtureTestBase {

    @Test
    void aHandleOfAnUnknownShareIsStale() throws Exception {
        byte[] forged = root.clone();
        forged[1] = 0x7f;
        assertThat(alice.getAttrStatus(forged)).isEqualTo(Nfs3Status.STALE);
    }

    @Test
    void aForgedHandleOfAKnownShareIsRefusedByTheNamespace() throws Exception {
        byte[] forged = Arrays.copyOf(root, root.length);
        forged[forged.length - 1] ^= 0x55;
        assertThat(alice.getAttrStatus(forged)).as("the handle's MAC does not verify").isEqualTo(Nfs3Status.BADHANDLE);
    }

    @Test
    void theHandleOfARemovedFileIsStale() throws Exception {
        byte[] fh = file("short-lived", new byte[3]);
        assertThat(alice.remove(root, "short-lived")).isEqualTo(Nfs3Status.OK);
        assertThat(alice.getAttrStatus(fh)).isEqualTo(Nfs3Status.STALE);
    }

    @Test
    void emptyAndUnknownLayoutHandlesAreBadHandle() throws Exception {
        assertThat(alice.getAttrStatus(new byte[0])).isEqualTo(Nfs3Status.BADHANDLE);
        assertThat(alice.getAttrStatus(new byte[] {9, 0, 0, 0, 1, 2, 3})).isEqualTo(Nfs3Status.BADHANDLE);
    }

    @Test
    void readOnlyShareRefusesChangesButNotReads() throws Exception {
        byte[] ro = alice.mount("/ro");
        assertThat(alice.create(ro, "f", 0644).status()).isEqualTo(Nfs3Status.ROFS);
        assertThat(alice.mkdir(ro, "d").status()).isEqualTo(Nfs3Status.ROFS);
        assertThat(alice.getAttr(ro).type()).isEqualTo(2);
        XdrReader in = alice.call(4, w -> w.writeOpaque(ro).writeInt(0x3f)).body();
        assertThat(in.readInt()).isEqualTo(Nfs3Status.OK);
        Nfs3TestClient.postOpAttr(in);
        assertThat(in.readInt() & 0x1c).as("ACCESS never grants modify, extend, delete on a read-only share").isZero();
    }

    @Test
    void clientsOutsideTheAllowedNetworksAreAcces() throws Exception {
        var inside = alice.as(GatewayFixture.context("10.1.2.3", GatewayFixture.user(ALICE, ALICE)));
        byte[] lan = inside.mount("/lan");
        assertThat(inside.getAttrStatus(lan)).isEqualTo(Nfs3Status.OK);
        assertThat(alice.getAttrStatus(lan)).as("from 127.0.0.1").isEqualTo(Nfs3Status.ACCES);
    }

    @Test
    void permissionLevelsOfTheShare() throws Exception {
        var writer = alice.as(GatewayFixture.context("127.0.0.1", GatewayFixture.user(1001, 1001)));
        byte[] grants = writer.mount("/grants");
        assertThat(writer.create(grants, "w", 0644).status()).isEqualTo(Nfs3Status.OK);
        assertThat(alice.getAttrStatus(grants)).as("READ level reads").isEqualTo(Nfs3Status.OK);
        assertThat(alice.create(grants, "a", 0644).status()).as("READ level may not change").isEqualTo(Nfs3Status.ACCES);
        XdrReader in = alice.call(4, w -> w.writeOpaque(grants).writeInt(0x3f)).body();
        assertThat(in.readInt()).isEqualTo(Nfs3Status.OK);
        Nfs3TestClient.postOpAttr(in);
        assertThat(in.readInt() & 0x1c).as("ACCESS answers READ level honestly").isZero();
        assertThat(bob.getAttrStatus(grants)).as("no grant, default NONE").isEqualTo(Nfs3Status.ACCES);
    }

    @Test
    void squashAllCreatesAsTheAnonymousIds() throws Exception {
        byte[] sq = alice.mount("/squashed");
        var f = alice.create(sq, "f", 0644);
        assertThat(f.status()).isEqualTo(Nfs3Status.OK);
        assertThat(alice.getAttr(f.handle()).uid()).isEqualTo(65534);
    }

    @Test
    void garbageArgumentsAndUnknownProcedures() {
        var r = fixture.call(fixture.nfs, 1, alice.ctx, w -> w.writeInt(1000));
        assertThat(r.outcome()).isEqualTo(Outcome.GARBAGE_ARGS);
        assertThat(fixture.call(fixture.nfs, 22, alice.ctx, w -> { }).outcome()).isEqualTo(Outcome.PROC_UNAVAIL);
    }

    @Test
    void servicesAwayIsJukebox() throws Exception {
        byte[] fh = file("x", new byte[1]);
        fixture.close();
        assertThat(alice.getAttrStatus(fh)).isEqualTo(Nfs3Status.JUKEBOX);
        fixture = new GatewayFixture(java.util.List.of());
    }
}
