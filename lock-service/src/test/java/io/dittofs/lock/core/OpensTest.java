package io.dittofs.lock.core;

import static io.dittofs.contracts.lock.v1.Protocol.NFS4;
import static io.dittofs.contracts.lock.v1.Protocol.SMB;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.lock.v1.DowngradeRequest;
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

    private Status downgrade(ByteString open, int access, int deny) {
        return fx.api.downgrade(DowngradeRequest.newBuilder().setOpenId(open).setAccess(access).setDeny(deny).build())
                .getStatus();
    }
}
