package io.dittofs.gateway.nfs.mount;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.gateway.fixture.GatewayFixture;
import io.dittofs.gateway.rpc.CallContext;
import io.dittofs.gateway.rpc.Outcome;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.share.Network;
import io.dittofs.gateway.share.Share;
import io.dittofs.gateway.share.SharePermissions;
import io.dittofs.gateway.share.Squash;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** MOUNT v3 (RFC 1813 Appendix I) through the real services: MNT, DUMP, UMNT, UMNTALL, EXPORT. */
class MountProgramTest {

    GatewayFixture fixture;
    final CallContext local = GatewayFixture.context("127.0.0.1", GatewayFixture.user(1000, 1000));

    @BeforeEach
    void start() throws Exception {
        fixture = new GatewayFixture(List.of(
                new Share("export", "/export", false, Squash.ROOT, 65534, 65534, List.of()),
                new Share("lan", "/lan", true, Squash.ROOT, 65534, 65534,
                        List.of(Network.parse("10.0.0.0/8"), Network.parse("192.168.1.0/24"))),
                new Share("closed", "/closed", false, Squash.ROOT, 65534, 65534, List.of(),
                        new SharePermissions(SharePermissions.Level.NONE, Map.of(), Map.of()))));
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    private XdrReader mnt(CallContext ctx, String path) {
        var r = fixture.call(fixture.mount, 1, ctx, w -> w.writeString(path));
        assertThat(r.outcome()).isEqualTo(Outcome.SUCCESS);
        return r.body();
    }

    private List<String> dump() throws Exception {
        XdrReader in = fixture.call(fixture.mount, 2, local, w -> { }).body();
        List<String> out = new ArrayList<>();
        while (in.readBool()) {
            out.add(in.readString(255) + ":" + in.readString(1024));
        }
        return out;
    }

    @Test
    void mntReturnsTheRootHandleAndFlavorsAndIsRecorded() throws Exception {
        XdrReader in = mnt(local, "/export/");
        assertThat(in.readInt()).isEqualTo(MountStatus.OK);
        byte[] fh = in.readOpaque(64);
        assertThat(in.readInt()).isEqualTo(2);
        assertThat(List.of(in.readInt(), in.readInt())).containsExactly(1, 0);
        assertThat(fixture.shareIds.share(io.dittofs.gateway.fs.model.Handle.of(fh).shareId())).isPresent();
        assertThat(dump()).containsExactly("127.0.0.1:/export");
    }

    @Test
    void mntRefusals() throws Exception {
        assertThat(mnt(local, "/nowhere").readInt()).isEqualTo(MountStatus.NOENT);
        assertThat(mnt(local, "/lan").readInt()).as("network").isEqualTo(MountStatus.ACCES);
        assertThat(mnt(local, "/closed").readInt()).as("permission NONE").isEqualTo(MountStatus.ACCES);
        var inside = GatewayFixture.context("10.9.9.9", GatewayFixture.user(0, 0));
        assertThat(mnt(inside, "/lan").readInt()).as("read-only shares mount").isEqualTo(MountStatus.OK);
    }

    @Test
    void umntAndUmntAllForgetMounts() throws Exception {
        mnt(local, "/export");
        var inside = GatewayFixture.context("10.9.9.9", GatewayFixture.user(0, 0));
        mnt(inside, "/lan");
        assertThat(dump()).containsExactlyInAnyOrder("127.0.0.1:/export", "10.9.9.9:/lan");
        assertThat(fixture.call(fixture.mount, 3, local, w -> w.writeString("/export")).outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(dump()).containsExactly("10.9.9.9:/lan");
        fixture.call(fixture.mount, 4, inside, w -> { });
        assertThat(dump()).isEmpty();
    }

    @Test
    void exportListsSharesWithTheirNetworks() throws Exception {
        XdrReader in = fixture.call(fixture.mount, 5, local, w -> { }).body();
        List<String> exports = new ArrayList<>();
        while (in.readBool()) {
            String path = in.readString(1024);
            List<String> groups = new ArrayList<>();
            while (in.readBool()) {
                groups.add(in.readString(255));
            }
            exports.add(path + groups);
        }
        assertThat(exports).containsExactlyInAnyOrder("/export[]", "/lan[10.0.0.0/8, 192.168.1.0/24]", "/closed[]");
    }

    @Test
    void garbageAndUnknownProcedures() {
        assertThat(fixture.call(fixture.mount, 1, local, w -> w.writeInt(5000)).outcome()).isEqualTo(Outcome.GARBAGE_ARGS);
        assertThat(fixture.call(fixture.mount, 9, local, w -> { }).outcome()).isEqualTo(Outcome.PROC_UNAVAIL);
    }
}
