package io.dittofs.lock.core;

import static io.dittofs.contracts.lock.v1.Protocol.NFS4;
import static io.dittofs.contracts.lock.v1.Protocol.NLM;
import static io.dittofs.contracts.lock.v1.Protocol.SMB;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.lock.v1.LockResponse;
import org.junit.jupiter.api.Test;

class ByteRangeSemanticsTest extends CoreTestBase {

    @Test
    void posixUnlockSplitsALock() {
        ByteString a = fx.client(NLM, "gw");
        ByteString b = fx.client(NLM, "gw");
        assertThat(fx.lock(a, "p1", "f", 0, 100, true).getStatus()).isEqualTo(Status.OK);
        assertThat(fx.unlock(a, "p1", "f", 40, 20)).isEqualTo(Status.OK);
        assertThat(locksOn("f")).isEqualTo(2);
        assertThat(fx.lock(b, "p2", "f", 40, 20, true).getStatus()).isEqualTo(Status.OK);
        assertThat(fx.lock(b, "p2", "f", 39, 1, true).getStatus()).isEqualTo(Status.DENIED);
        assertThat(fx.lock(b, "p2", "f", 60, 1, true).getStatus()).isEqualTo(Status.DENIED);
    }

    @Test
    void posixMergesTouchingLocksOfOneTypeAndSplitsOnTypeChange() {
        ByteString a = fx.client(NFS4, "gw");
        fx.lock(a, "o", "f", 0, 10, false);
        fx.lock(a, "o", "f", 20, 10, false);
        fx.lock(a, "o", "f", 10, 10, false);
        assertThat(locksOn("f")).isEqualTo(1);
        LockResponse up = fx.lock(a, "o", "f", 12, 5, true); // upgrade in the middle: R W R
        assertThat(up.getStatus()).isEqualTo(Status.OK);
        assertThat(locksOn("f")).isEqualTo(3);
        fx.lock(a, "o", "f", 0, 30, false); // downgrade all back to one read lock
        assertThat(locksOn("f")).isEqualTo(1);
        assertThat(fx.unlock(a, "o", "f", 100, 5)).as("POSIX unlock of nothing").isEqualTo(Status.OK);
    }

    @Test
    void smbLocksStackAndUnlockExactly() {
        ByteString s = fx.client(SMB, "gw");
        ByteString other = fx.client(SMB, "gw");
        assertThat(fx.lock(s, "open1", "f", 0, 10, false).getStatus()).isEqualTo(Status.OK);
        assertThat(fx.lock(s, "open1", "f", 0, 10, false).getStatus()).isEqualTo(Status.OK);
        assertThat(locksOn("f")).isEqualTo(2);
        assertThat(fx.unlock(s, "open1", "f", 0, 5)).isEqualTo(Status.NOT_LOCKED);
        assertThat(fx.unlock(s, "open1", "f", 0, 10)).isEqualTo(Status.OK);
        assertThat(fx.lock(other, "open2", "f", 5, 1, true).getStatus()).isEqualTo(Status.DENIED);
        assertThat(fx.unlock(s, "open1", "f", 0, 10)).isEqualTo(Status.OK);
        assertThat(fx.lock(other, "open2", "f", 5, 1, true).getStatus()).isEqualTo(Status.OK);
        assertThat(fx.unlock(s, "open1", "f", 0, 10)).isEqualTo(Status.NOT_LOCKED);
    }

    @Test
    void smbUnlockOfStackedLocksReleasesTheExclusiveOneFirst() {
        ByteString s = fx.client(SMB, "gw");
        ByteString other = fx.client(SMB, "gw");
        assertThat(fx.lock(s, "open1", "f", 10, 10, true).getStatus()).isEqualTo(Status.OK);
        assertThat(fx.lock(s, "open1", "f", 10, 10, false).getStatus()).isEqualTo(Status.OK);
        assertThat(fx.lock(other, "open2", "f", 5, 10, false).getStatus()).isEqualTo(Status.DENIED);
        assertThat(fx.unlock(s, "open1", "f", 10, 10)).isEqualTo(Status.OK);
        assertThat(fx.lock(other, "open2", "f", 5, 10, false).getStatus())
                .as("only the shared lock is left").isEqualTo(Status.OK);
        assertThat(fx.lock(other, "open2", "f", 15, 1, true).getStatus()).isEqualTo(Status.DENIED);
    }

    @Test
    void smbExclusiveRequestConflictsWithTheOwnersOwnLock() {
        ByteString s = fx.client(SMB, "gw");
        fx.lock(s, "open1", "f", 0, 10, false);
        assertThat(fx.lock(s, "open1", "f", 5, 10, true).getStatus()).isEqualTo(Status.DENIED);
        assertThat(fx.lock(s, "open1", "f", 5, 10, false).getStatus()).isEqualTo(Status.OK);
        ByteString n = fx.client(NLM, "gw");
        fx.lock(n, "p", "g", 0, 10, false);
        assertThat(fx.lock(n, "p", "g", 5, 10, true).getStatus()).as("POSIX upgrade").isEqualTo(Status.OK);
    }

    @Test
    void locksOfEveryProtocolBlockEachOther() {
        ByteString nlm = fx.client(NLM, "gw");
        ByteString nfs = fx.client(NFS4, "gw");
        ByteString smb = fx.client(SMB, "gw");
        fx.lock(nlm, "p", "f", 0, 10, true);
        LockResponse r = fx.lock(smb, "h", "f", 5, 1, false);
        assertThat(r.getStatus()).isEqualTo(Status.DENIED);
        assertThat(r.getConflict().getProtocol()).isEqualTo(NLM);
        assertThat(r.getConflict().getRange().getOffset()).isZero();
        assertThat(r.getConflict().getRange().getLength()).isEqualTo(10);
        fx.lock(smb, "h", "g", 0, 0, false);
        assertThat(fx.lock(nfs, "o", "g", Long.MAX_VALUE, 0, true).getStatus()).isEqualTo(Status.DENIED);
        assertThat(fx.test(nfs, "o", "g", 1, 1, false)).isEqualTo(Status.OK);
        assertThat(fx.test(nfs, "o", "g", 1, 1, true)).isEqualTo(Status.DENIED);
    }

    @Test
    void checkIoEnforcesOtherOwnersLocks() {
        ByteString s = fx.client(SMB, "gw");
        ByteString t = fx.client(SMB, "gw");
        fx.lock(s, "o1", "f", 0, 10, true);
        assertThat(fx.checkIo(s, "o1", "f", 0, 10, true)).isEqualTo(Status.OK);
        assertThat(fx.checkIo(t, "o2", "f", 9, 10, false)).isEqualTo(Status.LOCKED);
        assertThat(fx.checkIo(t, "o2", "f", 10, 10, true)).isEqualTo(Status.OK);
        fx.lock(s, "o1", "f", 100, 10, false);
        assertThat(fx.checkIo(t, "o2", "f", 100, 1, false)).isEqualTo(Status.OK);
        assertThat(fx.checkIo(t, "o2", "f", 100, 1, true)).isEqualTo(Status.LOCKED);
        // the holder of a shared lock may read its range but not write it (MS-FSA 2.1.4.10)
        assertThat(fx.checkIo(s, "o1", "f", 100, 1, false)).isEqualTo(Status.OK);
        assertThat(fx.checkIo(s, "o1", "f", 100, 1, true)).isEqualTo(Status.LOCKED);
    }

    @Test
    void badRequestsGetNeutralStatuses() {
        ByteString a = fx.client(NLM, "gw");
        assertThat(fx.lock(ByteString.copyFromUtf8("nobody"), "p", "f", 0, 1, true).getStatus()).isEqualTo(Status.EXPIRED);
        assertThat(fx.lock(a, "p", "", 0, 1, true).getStatus()).isEqualTo(Status.INVAL);
        assertThat(fx.api.lock(Fx.lockReq(a, "p", "f", 0, 1, true).setReclaim(true).build()).getStatus())
                .isEqualTo(Status.NO_GRACE);
    }
}
