package io.dittofs.lock.core;

import static io.dittofs.contracts.lock.v1.Protocol.NFS4;
import static io.dittofs.contracts.lock.v1.Protocol.SMB;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.lock.v1.DowngradeRequest;
import io.dittofs.contracts.lock.v1.GetOpenRequest;
import io.dittofs.contracts.lock.v1.ListClientsRequest;
import io.dittofs.contracts.lock.v1.OpenRequest;
import io.dittofs.contracts.lock.v1.OpenResponse;
import org.junit.jupiter.api.Test;

class OpensTest extends CoreTestBase {

    @Test
    void downgradeKeepsASubsetAndFreesWhatItDrops() {
        ByteString c = fx.client(NFS4, "gw");
        ByteString d = fx.client(NFS4, "gw");
        OpenResponse o = fx.open(c, "o", "f", 3, 2);
        assertThat(fx.open(d, "x", "f", 2, 0).getStatus()).isEqualTo(Status.SHARE_DENIED);
        assertThat(downgrade(o.getOpenId(), 3, 3)).as("more deny").isEqualTo(Status.INVAL);
        assertThat(downgrade(o.getOpenId(), 0, 0)).as("no access").isEqualTo(Status.INVAL);
        assertThat(downgrade(o.getOpenId(), 1, 0)).isEqualTo(Status.OK);
        assertThat(fx.open(d, "x", "f", 2, 0).getStatus()).isEqualTo(Status.OK);
        assertThat(downgrade(ByteString.copyFromUtf8("nope"), 1, 0)).isEqualTo(Status.BAD_STATE);
    }

    @Test
    void closeReleasesTheLocksTakenThroughTheOpen() {
        ByteString s = fx.client(SMB, "gw");
        ByteString t = fx.client(SMB, "gw");
        OpenResponse o = fx.open(s, "h", "f", 3, 0);
        assertThat(fx.api.lock(Fx.lockReq(s, "h", "f", 0, 10, true).setOpenId(o.getOpenId()).build()).getStatus())
                .isEqualTo(Status.OK);
        assertThat(fx.lock(t, "h2", "f", 0, 10, true).getStatus()).isEqualTo(Status.DENIED);
        assertThat(fx.close(o.getOpenId())).isEqualTo(Status.OK);
        assertThat(fx.lock(t, "h2", "f", 0, 10, true).getStatus()).isEqualTo(Status.OK);
        assertThat(fx.close(o.getOpenId())).isEqualTo(Status.BAD_STATE);
    }

    @Test
    void anUpgradeMergesWithTheOwnersOpenAndIsCheckedAgainstTheOthers() {
        ByteString c = fx.client(NFS4, "gw");
        ByteString d = fx.client(NFS4, "gw");
        OpenResponse first = fx.open(c, "o", "f", 1, 0);
        assertThat(upgrade(c, "o", "f", 2, 1).getStatus()).as("denying the read the owner holds")
                .isEqualTo(Status.SHARE_DENIED);
        OpenResponse again = upgrade(c, "o", "f", 1, 2);
        assertThat(again.getStatus()).isEqualTo(Status.OK);
        assertThat(again.getOpenId()).as("same open, upgraded").isEqualTo(first.getOpenId());
        assertThat(upgrade(c, "o", "f", 2, 0).getStatus()).as("its own deny WRITE").isEqualTo(Status.SHARE_DENIED);
        var held = fx.api.getOpen(GetOpenRequest.newBuilder().setOpenId(first.getOpenId()).build());
        assertThat(held.getAccess()).isEqualTo(1);
        assertThat(held.getDeny()).isEqualTo(2);
        assertThat(held.getOwner().getOwner().toStringUtf8()).isEqualTo("o");
        assertThat(held.getFile().getValue().toStringUtf8()).isEqualTo("f");
        assertThat(fx.open(d, "x", "f", 2, 0).getStatus()).as("the upgraded deny WRITE").isEqualTo(Status.SHARE_DENIED);
        assertThat(fx.open(d, "x", "f", 1, 0).getStatus()).isEqualTo(Status.OK);
        assertThat(upgrade(c, "o", "f", 1, 1).getStatus()).as("deny READ meets d's read")
                .isEqualTo(Status.SHARE_DENIED);
        OpenResponse third = upgrade(c, "o", "f", 1, 0);
        assertThat(third.getOpenId()).as("a compatible repeat keeps the open").isEqualTo(first.getOpenId());
        assertThat(fx.open(c, "p", "f", 1, 0).getOpenId()).as("another owner gets its own open")
                .isNotEqualTo(first.getOpenId());
        assertThat(first.getOpenId().size()).as("fits an NFSv4 stateid").isEqualTo(12);
    }

    @Test
    void getOpenCountsTheLocksTakenThroughTheOpen() {
        ByteString c = fx.client(NFS4, "gw");
        OpenResponse o = fx.open(c, "o", "f", 3, 0);
        assertThat(fx.api.lock(Fx.lockReq(c, "l", "f", 0, 10, true).setOpenId(o.getOpenId()).build()).getStatus())
                .isEqualTo(Status.OK);
        assertThat(fx.api.lock(Fx.lockReq(c, "l", "f", 20, 10, false).setOpenId(o.getOpenId()).build()).getStatus())
                .isEqualTo(Status.OK);
        assertThat(fx.api.getOpen(GetOpenRequest.newBuilder().setOpenId(o.getOpenId()).build()).getLockCount())
                .isEqualTo(2);
        assertThat(fx.close(o.getOpenId())).isEqualTo(Status.OK);
        assertThat(fx.api.getOpen(GetOpenRequest.newBuilder().setOpenId(o.getOpenId()).build()).getStatus())
                .isEqualTo(Status.BAD_STATE);
    }

    @Test
    void listClientsFindsKeysByPrefixWithinAProtocol() {
        fx.client(NFS4, "nfs4:aa:1", 90, "gw");
        fx.client(NFS4, "nfs4:aa:2", 90, "gw");
        fx.client(NFS4, "nfs4:bb:1", 90, "gw");
        fx.client(SMB, "nfs4:aa:3", 0, "gw");
        var r = fx.api.listClients(ListClientsRequest.newBuilder().setProtocol(NFS4)
                .setKeyPrefix(ByteString.copyFromUtf8("nfs4:aa:")).build());
        assertThat(r.getStatus()).isEqualTo(Status.OK);
        assertThat(r.getClientsList()).extracting(x -> x.getClientKey().toStringUtf8())
                .containsExactlyInAnyOrder("nfs4:aa:1", "nfs4:aa:2");
        assertThat(fx.api.listClients(ListClientsRequest.newBuilder().build()).getStatus()).isEqualTo(Status.INVAL);
    }

    private OpenResponse upgrade(ByteString client, String owner, String file, int access, int deny) {
        return fx.api.open(OpenRequest.newBuilder().setFile(Fx.file(file)).setOwner(Fx.owner(client, owner))
                .setAccess(access).setDeny(deny).setUpgrade(true).build());
    }

    private Status downgrade(ByteString open, int access, int deny) {
        return fx.api.downgrade(DowngradeRequest.newBuilder().setOpenId(open).setAccess(access).setDeny(deny).build())
                .getStatus();
    }
}
