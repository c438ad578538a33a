package io.dittofs.lock.core;

import static io.dittofs.contracts.lock.v1.Protocol.NFS4;
import static io.dittofs.contracts.lock.v1.Protocol.SMB;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.lock.v1.OpenResponse;
import org.junit.jupiter.api.Test;

class GrantsTest extends CoreTestBase {

    @Test
    void opensWithOneLeaseKeyShareTheGrantWithoutBreaking() {
        ByteString c = fx.client(SMB, "gw");
        EventLog log = new EventLog(core.table(), "gw");
        OpenResponse o1 = fx.openWithGrant(c, "h1", "f", 3, 0, 7, "key", true);
        OpenResponse o2 = fx.openWithGrant(c, "h2", "f", 3, 0, 7, "key", true);
        assertThat(o1.getGrantedGrantBits()).isEqualTo(7);
        assertThat(o2.getGrantId()).isEqualTo(o1.getGrantId());
        assertThat(log.breaks()).isEmpty();
        fx.close(o1.getOpenId());
        assertThat(fx.ack(o1.getGrantId(), 7)).as("lease lives while an open uses it").isEqualTo(Status.OK);
        fx.close(o2.getOpenId());
        assertThat(fx.ack(o1.getGrantId(), 1)).as("lease gone with its last open").isEqualTo(Status.BAD_STATE);
    }

    @Test
    void oplocksOfOneClientStillBreakEachOther() {
        ByteString c = fx.client(SMB, "gw");
        EventLog log = new EventLog(core.table(), "gw");
        OpenResponse batch = fx.openWithGrant(c, "h1", "f", 1, 0, 7, "", true);
        assertThat(batch.getGrantedGrantBits()).isEqualTo(7);
        assertThat(fx.openWithGrant(c, "h2", "f", 1, 0, 1, "", true).getStatus()).isEqualTo(Status.BREAK_PENDING);
        assertThat(log.breaks()).singleElement().satisfies(b -> assertThat(b.grant().breakTo()).isEqualTo(5));
        assertThat(fx.ack(batch.getGrantId(), 7)).as("cannot keep more than the break allows").isEqualTo(Status.INVAL);
        assertThat(fx.ack(batch.getGrantId(), 1)).isEqualTo(Status.OK);
        OpenResponse second = fx.openWithGrant(c, "h2", "f", 1, 0, 1, "", true);
        assertThat(second.getStatus()).isEqualTo(Status.OK);
        assertThat(second.getGrantedGrantBits()).as("level II next to level II").isEqualTo(1);
    }

    @Test
    void anSmbWriterBreaksABatchOplockToLevelTwoAndGetsLevelTwoBesideIt() {
        ByteString c = fx.client(SMB, "gw");
        EventLog log = new EventLog(core.table(), "gw");
        OpenResponse batch = fx.openWithGrant(c, "h1", "f", 3, 0, 7, "", true);
        assertThat(batch.getGrantedGrantBits()).isEqualTo(7);
        // MS-FSA: another SMB open breaks batch to level II even when it writes (the write itself
        // breaks level II later, at the gateway that serves it)
        assertThat(fx.openWithGrant(c, "h2", "f", 3, 0, 7, "", true).getStatus()).isEqualTo(Status.BREAK_PENDING);
        assertThat(log.breaks()).singleElement().satisfies(b -> assertThat(b.grant().breakTo()).isEqualTo(5));
        assertThat(fx.ack(batch.getGrantId(), 1)).isEqualTo(Status.OK);
        OpenResponse second = fx.openWithGrant(c, "h2", "f", 3, 0, 7, "", true);
        assertThat(second.getStatus()).isEqualTo(Status.OK);
        assertThat(second.getGrantedGrantBits() & 3).as("level II beside an SMB writer").isEqualTo(1);

        // an NFSv4 writer still takes READ away, and gets no READ beside SMB writers' oplocks
        ByteString n = fx.client(NFS4, "gw");
        assertThat(fx.openWithGrant(n, "o", "f", 3, 0, 0, "", true).getStatus()).isEqualTo(Status.BREAK_PENDING);
        assertThat(log.breaks()).last().satisfies(b -> assertThat(b.grant().breakTo()).isZero());
    }

    @Test
    void aShareConflictWithAnOpenNoBreakCanRemoveFailsWithoutBreaking() {
        ByteString c = fx.client(SMB, "gw");
        EventLog log = new EventLog(core.table(), "gw");
        OpenResponse exclusive = fx.openWithGrant(c, "h1", "f", 3, 7, 3, "", true);
        assertThat(exclusive.getGrantedGrantBits()).isEqualTo(3);
        assertThat(fx.openWithGrant(c, "h2", "f", 1, 0, 0, "", true).getStatus()).isEqualTo(Status.SHARE_DENIED);
        assertThat(log.breaks()).as("exclusive caches no handle: nothing to break").isEmpty();
        // a batch oplock's holder may close its handle: it is broken first
        OpenResponse batch = fx.openWithGrant(c, "h3", "g", 3, 7, 7, "", true);
        assertThat(batch.getGrantedGrantBits()).isEqualTo(7);
        assertThat(fx.openWithGrant(c, "h4", "g", 1, 0, 0, "", true).getStatus()).isEqualTo(Status.BREAK_PENDING);
    }

    @Test
    void anUnacknowledgedBreakIsRevokedAfterTheTimeout() {
        ByteString c = fx.client(NFS4, "gw");
        ByteString d = fx.client(SMB, "gw2");
        OpenResponse deleg = fx.openWithGrant(c, "o", "f", 3, 0, 3, "", true);
        assertThat(deleg.getGrantedGrantBits()).isEqualTo(3);
        assertThat(fx.openWithGrant(d, "h", "f", 1, 0, 0, "", true).getStatus()).isEqualTo(Status.BREAK_PENDING);
        clock.advanceMs(1_000);
        core.tick();
        assertThat(fx.openWithGrant(d, "h", "f", 1, 0, 0, "", true).getStatus()).isEqualTo(Status.BREAK_PENDING);
        clock.advanceMs(1_001);
        core.tick();
        assertThat(fx.openWithGrant(d, "h", "f", 1, 0, 0, "", true).getStatus()).isEqualTo(Status.OK);
        assertThat(fx.ack(deleg.getGrantId(), 0)).as("revoked: the grant is gone").isEqualTo(Status.BAD_STATE);
    }

    @Test
    void nlmLocksRecallConflictingDelegations() {
        ByteString nfs = fx.client(NFS4, "gw");
        ByteString nlm = fx.client(io.dittofs.contracts.lock.v1.Protocol.NLM, "gw");
        EventLog log = new EventLog(core.table(), "gw");
        OpenResponse read = fx.openWithGrant(nfs, "o", "r", 1, 0, 1, "", true);
        OpenResponse write = fx.openWithGrant(nfs, "o", "w", 3, 0, 3, "", true);
        assertThat(read.getGrantedGrantBits()).isEqualTo(1);
        assertThat(write.getGrantedGrantBits()).isEqualTo(3);
        assertThat(fx.lock(nlm, "h", "r", 0, 10, false).getStatus()).as("granted while any recall runs").isEqualTo(Status.OK);
        assertThat(log.breaks()).as("a read lock leaves a read delegation").isEmpty();
        assertThat(fx.lock(nlm, "h", "w", 0, 10, false).getStatus()).isEqualTo(Status.OK);
        assertThat(log.breaks()).singleElement().satisfies(b -> {
            assertThat(b.grant().id()).isEqualTo(write.getGrantId());
            assertThat(b.grant().breakTo()).as("a delegation is recalled whole").isZero();
        });
        assertThat(fx.lock(nlm, "h", "r", 20, 10, true).getStatus()).isEqualTo(Status.OK);
        assertThat(log.breaks()).hasSize(2);
    }

    @Test
    void withoutBreakConflictingTheOpenProceedsWhileTheBreakRuns() {
        ByteString c = fx.client(SMB, "gw");
        ByteString d = fx.client(SMB, "gw");
        EventLog log = new EventLog(core.table(), "gw");
        OpenResponse lease = fx.openWithGrant(c, "h", "f", 1, 0, 5, "k", true);
        OpenResponse w = fx.openWithGrant(d, "w", "f", 2, 0, 7, "k2", false);
        assertThat(w.getStatus()).isEqualTo(Status.OK);
        assertThat(w.getGrantedGrantBits()).as("no caching next to a grant being broken").isZero();
        assertThat(log.breaks()).singleElement().satisfies(b -> assertThat(b.grant().id()).isEqualTo(lease.getGrantId()));
    }

    @Test
    void writeGrantOnlyForASoleOpener() {
        ByteString c = fx.client(NFS4, "gw");
        ByteString d = fx.client(NFS4, "gw");
        fx.open(d, "x", "f", 1, 0);
        OpenResponse r = fx.openWithGrant(c, "o", "f", 3, 0, 3, "", true);
        assertThat(r.getGrantedGrantBits()).as("a read delegation at most").isEqualTo(1);
        OpenResponse dir = fx.api.open(io.dittofs.contracts.lock.v1.OpenRequest.newBuilder().setFile(Fx.file("dir"))
                .setOwner(Fx.owner(c, "o")).setAccess(1).setGrant(io.dittofs.contracts.lock.v1.GrantRequest.newBuilder()
                        .setBits(1).setDirectory(true)).build());
        assertThat(dir.getGrantedGrantBits()).isEqualTo(1);
    }
}
