package io.dittofs.gateway.nfs.v4;

import io.dittofs.gateway.locks.ClientRef;
import io.dittofs.gateway.locks.LockProtocol;
import io.dittofs.gateway.locks.LockSpec;
import io.dittofs.gateway.locks.LockStatus;
import io.dittofs.gateway.locks.LockTarget;
import io.dittofs.gateway.locks.OpenSpec;
import io.dittofs.gateway.nfs.v4.attr.Bitmap;
import io.dittofs.gateway.nfs.v4.attr.Fattr4;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrWriter;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Share reservations, byte-range locks and 4.0 owner seqids through the real lock-service:
 * two NFSv4.0 clients, and NLM state taken through the same lock-service (the NLM program's
 * {@code LockManager} calls, keyed by the same file handle).
 */
class Nfs4LockingTest extends Nfs4FixtureTestBase {

    static final int OPEN = 18;
    static final int CLOSE = 4;
    static final int LOCK = 12;
    static final int LOCKT = 13;
    static final int LOCKU = 14;
    static final int PUTFH = 22;
    static final int WRITE = 38;

    /** A confirmed 4.0 client id. */
    long client(String name) throws XdrException {
        var r = run(new Compound("", 0).op(Nfs4Ops.SETCLIENTID, w -> w.writeFixedOpaque(new byte[8])
                .writeString(name).writeInt(1).writeString("tcp").writeString("127.0.0.1.8.1").writeInt(1)));
        r.expect(Nfs4Ops.SETCLIENTID, 0);
        long id = r.in().readLong();
        byte[] confirm = r.in().readFixedOpaque(8);
        run(new Compound("", 0).op(Nfs4Ops.SETCLIENTID_CONFIRM, w -> w.writeLong(id).writeFixedOpaque(confirm)))
                .expect(Nfs4Ops.SETCLIENTID_CONFIRM, 0);
        return id;
    }

    static Consumer<XdrWriter> openArgs(long clientId, String owner, int seqid, String name, int access, int deny) {
        return w -> {
            w.writeInt(seqid).writeInt(access).writeInt(deny).writeLong(clientId).writeString(owner);
            w.writeInt(1).writeInt(0);
            Bitmap.of(Fattr4.MODE).write(w);
            w.writeInt(4).writeInt(0666);
            w.writeInt(0).writeString(name);
        };
    }

    record Opened(int status, Stateid stateid, byte[] fh, boolean confirm, byte[] raw) {
    }

    Opened open(long clientId, String owner, int seqid, String name, int access, int deny) throws XdrException {
        var r = run(new Compound("", 0).putRootFh().lookup("export")
                .op(OPEN, openArgs(clientId, owner, seqid, name, access, deny)).getFh());
        r.expect(24, 0).expect(15, 0);
        assertThat(r.in().readInt()).isEqualTo(OPEN);
        int status = r.in().readInt();
        if (status != 0) {
            return new Opened(status, null, null, false, r.raw());
        }
        Stateid sid = Stateid.read(r.in());
        r.in().readBool();
        r.in().readLong();
        r.in().readLong();
        boolean confirm = (r.in().readInt() & 2) != 0;
        Bitmap.read(r.in());
        r.in().readInt();
        r.expect(10, 0);
        return new Opened(0, sid, r.in().readOpaque(128), confirm, r.raw());
    }

    /** OPEN and, for an owner's first open, OPEN_CONFIRM; seqids 1 and 2. */
    Opened openConfirmed(long clientId, String owner, String name, int access, int deny) throws XdrException {
        Opened o = open(clientId, owner, 1, name, access, deny);
        assertThat(o.status()).isZero();
        assertThat(o.confirm()).isTrue();
        var r = run(new Compound("", 0).op(PUTFH, w -> w.writeOpaque(o.fh()))
                .op(20, w -> { o.stateid().write(w); w.writeInt(2); }));
        r.expect(PUTFH, 0).expect(20, 0);
        return new Opened(0, Stateid.read(r.in()), o.fh(), false, r.raw());
    }

    static Consumer<XdrWriter> newOwnerLock(int type, long offset, long length, int openSeqid, Stateid open,
                                            long clientId, String lockOwner) {
        return w -> {
            w.writeInt(type).writeBool(false).writeLong(offset).writeLong(length).writeBool(true);
            w.writeInt(openSeqid);
            open.write(w);
            w.writeInt(0).writeLong(clientId).writeString(lockOwner);
        };
    }

    static Consumer<XdrWriter> existingOwnerLock(int type, long offset, long length, Stateid lock, int lockSeqid) {
        return w -> {
            w.writeInt(type).writeBool(false).writeLong(offset).writeLong(length).writeBool(false);
            lock.write(w);
            w.writeInt(lockSeqid);
        };
    }

    Compound onFile(byte[] fh) {
        return new Compound("", 0).op(PUTFH, w -> w.writeOpaque(fh));
    }

    @Test
    void denyModesAreEnforcedAcrossClientsAndAnOwnersSecondOpenUpgradesItsStateid() throws XdrException {
        long a = client("share-a");
        long b = client("share-b");
        Opened ao = openConfirmed(a, "oa", "shared", 3, 2);
        assertThat(open(b, "ob", 1, "shared", 2, 0).status()).as("B writes, A denies write")
                .isEqualTo(Nfs4Status.SHARE_DENIED);
        assertThat(open(b, "ob", 2, "shared", 1, 1).status()).as("B denies read, A reads")
                .isEqualTo(Nfs4Status.SHARE_DENIED);
        Opened bo = open(b, "ob", 3, "shared", 1, 0);
        assertThat(bo.status()).isZero();

        Opened again = open(a, "oa", 3, "shared", 1, 0);
        assertThat(again.status()).isZero();
        assertThat(again.stateid().other()).as("the same open, upgraded").isEqualTo(ao.stateid().other());
        assertThat(again.stateid().seqid()).isEqualTo(ao.stateid().seqid() + 1);
        assertThat(again.confirm()).as("a confirmed owner").isFalse();

        var anonymous = run(onFile(ao.fh()).op(WRITE, w -> { new Stateid(0, new byte[12]).write(w);
            w.writeLong(0).writeInt(2).writeOpaque(new byte[]{1}); }));
        anonymous.expect(PUTFH, 0).expect(WRITE, Nfs4Status.LOCKED);
        var anonymousRead = run(onFile(ao.fh()).op(25, w -> { new Stateid(0, new byte[12]).write(w);
            w.writeLong(0).writeInt(1); }));
        anonymousRead.expect(PUTFH, 0).expect(25, 0);
        assertThat(open(a, "oa", 4, "shared", 1, 1).status()).as("deny READ meets the owner's own read")
                .isEqualTo(Nfs4Status.SHARE_DENIED);
        run(onFile(ao.fh()).op(20, w -> { again.stateid().write(w); w.writeInt(5); }))
                .expect(PUTFH, 0).expect(20, Nfs4Status.BAD_STATEID);
        var closed = run(onFile(ao.fh()).op(CLOSE, w -> { w.writeInt(5); again.stateid().write(w); }));
        closed.expect(PUTFH, 0).expect(CLOSE, 0);
        assertThat(open(b, "ob2", 1, "shared", 2, 0).status()).as("A's deny went with its close").isZero();
    }

    @Test
    void nlmShareReservationsAndNfs4OpensConflict() throws XdrException {
        long a = client("nlm-share");
        Opened ao = openConfirmed(a, "oa", "nlmshare", 1, 0);
        ClientRef host = locks.registerClient(LockProtocol.NLM, "host-1".getBytes(StandardCharsets.UTF_8), 0);
        assertThat(locks.open(new OpenSpec(ao.fh(), host, new byte[]{1}, OpenSpec.READ, OpenSpec.READ, false))
                .status()).as("NLM SHARE denying read meets the NFSv4 reader").isEqualTo(LockStatus.SHARE_DENIED);
        var nlm = locks.open(new OpenSpec(ao.fh(), host, new byte[]{1}, OpenSpec.READ, OpenSpec.WRITE, false));
        assertThat(nlm.status()).isEqualTo(LockStatus.OK);
        long b = client("nlm-share-b");
        assertThat(open(b, "ob", 1, "nlmshare", 3, 0).status()).as("NFSv4 writer meets the NLM deny-write")
                .isEqualTo(Nfs4Status.SHARE_DENIED);
        assertThat(locks.close(nlm.openId())).isEqualTo(LockStatus.OK);
        assertThat(open(b, "ob", 2, "nlmshare", 3, 0).status()).isZero();
    }

    @Test
    void locksConflictAcrossClientsAndWithNlm() throws XdrException {
        long a = client("lock-a");
        long b = client("lock-b");
        Opened ao = openConfirmed(a, "oa", "locked", 3, 0);
        Opened bo = openConfirmed(b, "ob", "locked", 3, 0);

        var la = run(onFile(ao.fh()).op(LOCK, newOwnerLock(2, 0, 100, 3, ao.stateid(), a, "lo-a")));
        la.expect(PUTFH, 0).expect(LOCK, 0);
        Stateid lockA = Stateid.read(la.in());
        assertThat(lockA.seqid()).isEqualTo(1);
        assertThat(lockA.other()).isNotEqualTo(ao.stateid().other());

        var lb = run(onFile(bo.fh()).op(LOCK, newOwnerLock(1, 50, 10, 3, bo.stateid(), b, "lo-b")));
        lb.expect(PUTFH, 0).expect(LOCK, Nfs4Status.DENIED);
        assertThat(lb.in().readLong()).as("denied offset").isZero();
        assertThat(lb.in().readLong()).as("denied length").isEqualTo(100);
        assertThat(lb.in().readInt()).as("WRITE_LT").isEqualTo(2);
        assertThat(lb.in().readLong()).as("holder's clientid").isEqualTo(a);
        assertThat(new String(lb.in().readOpaque(1024), StandardCharsets.UTF_8)).isEqualTo("lo-a");

        var lt = run(onFile(bo.fh()).op(LOCKT, w -> w.writeInt(1).writeLong(99).writeLong(1).writeLong(b)
                .writeString("lo-b")));
        lt.expect(PUTFH, 0).expect(LOCKT, Nfs4Status.DENIED);
        run(onFile(bo.fh()).op(LOCKT, w -> w.writeInt(1).writeLong(100).writeLong(-1).writeLong(b)
                .writeString("lo-b"))).expect(PUTFH, 0).expect(LOCKT, 0);

        // NLM against NFSv4 and NFSv4 against NLM, same file handle
        ClientRef host = locks.registerClient(LockProtocol.NLM, "host-2".getBytes(StandardCharsets.UTF_8), 0);
        var nlmDenied = locks.lock(new LockSpec(new LockTarget(ao.fh(), host, new byte[]{0, 0, 0, 7}, 10, 5), true,
                false, false, null));
        assertThat(nlmDenied.status()).isEqualTo(LockStatus.DENIED);
        assertThat(nlmDenied.conflict().protocol()).isEqualTo(LockProtocol.NFS4);
        assertThat(locks.lock(new LockSpec(new LockTarget(ao.fh(), host, new byte[]{0, 0, 0, 7}, 200, 10), true,
                false, false, null)).status()).isEqualTo(LockStatus.OK);
        var againstNlm = run(onFile(bo.fh()).op(LOCK, newOwnerLock(1, 205, 1, 4, bo.stateid(), b, "lo-b")));
        againstNlm.expect(PUTFH, 0).expect(LOCK, Nfs4Status.DENIED);
        assertThat(againstNlm.in().readLong()).isEqualTo(200);
        assertThat(againstNlm.in().readLong()).isEqualTo(10);
        againstNlm.in().readInt();
        assertThat(againstNlm.in().readLong()).as("an NLM holder has no NFSv4 clientid").isZero();

        // B's lock owner gets its stateid with a lock elsewhere, then A unlocks and B locks the range
        var lb2 = run(onFile(bo.fh()).op(LOCK, newOwnerLock(1, 300, 10, 5, bo.stateid(), b, "lo-b")));
        lb2.expect(PUTFH, 0).expect(LOCK, 0);
        Stateid lockB = Stateid.read(lb2.in());
        var ua = run(onFile(ao.fh()).op(LOCKU, w -> { w.writeInt(2).writeInt(1); lockA.write(w);
            w.writeLong(0).writeLong(100); }));
        ua.expect(PUTFH, 0).expect(LOCKU, 0);
        assertThat(Stateid.read(ua.in()).seqid()).isEqualTo(2);
        var lb3 = run(onFile(bo.fh()).op(LOCK, existingOwnerLock(2, 50, 10, lockB, 1)));
        lb3.expect(PUTFH, 0).expect(LOCK, 0);
        Stateid lockB2 = Stateid.read(lb3.in());
        assertThat(lockB2.seqid()).isEqualTo(2);

        // ranges: zero length and past 2^64 - 1 are INVAL
        run(onFile(bo.fh()).op(LOCK, existingOwnerLock(2, 0, 0, lockB2, 2))).expect(PUTFH, 0).expect(LOCK, Nfs4Status.INVAL);
        run(onFile(bo.fh()).op(LOCK, existingOwnerLock(2, -10, 20, new Stateid(lockB2.seqid(), lockB2.other()), 3)))
                .expect(PUTFH, 0).expect(LOCK, Nfs4Status.INVAL);

        // RELEASE_LOCKOWNER and CLOSE refuse while locks are held
        run(new Compound("", 0).op(Nfs4Ops.RELEASE_LOCKOWNER, w -> w.writeLong(b).writeString("lo-b")))
                .expect(Nfs4Ops.RELEASE_LOCKOWNER, Nfs4Status.LOCKS_HELD);
        run(onFile(bo.fh()).op(CLOSE, w -> { w.writeInt(6); bo.stateid().write(w); }))
                .expect(PUTFH, 0).expect(CLOSE, Nfs4Status.LOCKS_HELD);
        var ub = run(onFile(bo.fh()).op(LOCKU, w -> { w.writeInt(2).writeInt(4); lockB2.write(w);
            w.writeLong(0).writeLong(-1); }));
        ub.expect(PUTFH, 0).expect(LOCKU, 0);
        Stateid unlocked = Stateid.read(ub.in());
        run(new Compound("", 0).op(Nfs4Ops.RELEASE_LOCKOWNER, w -> w.writeLong(b).writeString("lo-b")))
                .expect(Nfs4Ops.RELEASE_LOCKOWNER, 0);
        run(onFile(bo.fh()).op(LOCKU, w -> { w.writeInt(2).writeInt(5); unlocked.write(w);
            w.writeLong(0).writeLong(-1); })).expect(PUTFH, 0).expect(LOCKU, Nfs4Status.BAD_STATEID);
        assertThat(locks.lock(new LockSpec(new LockTarget(ao.fh(), host, new byte[]{0, 0, 0, 7}, 0, 100), true,
                false, false, null)).status()).as("nothing of A or B is left on 0-99").isEqualTo(LockStatus.OK);
    }

    @Test
    void openOwnerSeqidsReplayTheLastReplyAndRefuseOthers() throws XdrException {
        long a = client("seq-a");
        Opened first = openConfirmed(a, "oa", "seq", 3, 0);
        Opened second = open(a, "oa", 3, "seq", 1, 0);
        assertThat(second.status()).isZero();
        Opened replay = open(a, "oa", 3, "seq", 1, 0);
        assertThat(replay.stateid()).as("the retransmission gets the same reply").isEqualTo(second.stateid());
        assertThat(open(a, "oa", 7, "seq", 1, 0).status()).isEqualTo(Nfs4Status.BAD_SEQID);
        assertThat(open(a, "oa", 2, "seq", 1, 0).status()).as("older than the last").isEqualTo(Nfs4Status.BAD_SEQID);

        var closed = run(onFile(first.fh()).op(CLOSE, w -> { w.writeInt(4); second.stateid().write(w); }));
        closed.expect(PUTFH, 0).expect(CLOSE, 0);
        Stateid after = Stateid.read(closed.in());
        var closedAgain = run(onFile(first.fh()).op(CLOSE, w -> { w.writeInt(4); second.stateid().write(w); }));
        closedAgain.expect(PUTFH, 0).expect(CLOSE, 0);
        assertThat(Stateid.read(closedAgain.in())).as("CLOSE replayed from the owner's cache").isEqualTo(after);
        run(onFile(first.fh()).op(CLOSE, w -> { w.writeInt(5); second.stateid().write(w); }))
                .expect(PUTFH, 0).expect(CLOSE, Nfs4Status.BAD_STATEID);
        // an error other than the listed few still consumes the seqid: 5 was BAD_STATEID (does not), so 5 again works
        assertThat(open(a, "oa", 5, "absent-file", 1, 0).status()).isZero();
    }

    @Test
    void openAndLockStateidsSurviveAGatewayRestart() throws XdrException {
        long a = client("restart-a");
        Opened ao = openConfirmed(a, "oa", "survivor", 3, 2);
        var la = run(onFile(ao.fh()).op(LOCK, newOwnerLock(2, 0, 10, 3, ao.stateid(), a, "lo-a")));
        la.expect(PUTFH, 0).expect(LOCK, 0);
        Stateid lockA = Stateid.read(la.in());

        restartGateway();

        run(new Compound("", 0).op(Nfs4Ops.RENEW, w -> w.writeLong(a))).expect(Nfs4Ops.RENEW, 0);
        byte[] data = "after restart".getBytes(StandardCharsets.UTF_8);
        var written = run(onFile(ao.fh()).op(WRITE, w -> { ao.stateid().write(w); w.writeLong(0).writeInt(2)
                .writeOpaque(data); }));
        written.expect(PUTFH, 0).expect(WRITE, 0);
        assertThat(written.in().readInt()).isEqualTo(data.length);
        long b = client("restart-b");
        assertThat(open(b, "ob", 1, "survivor", 2, 0).status()).as("A's deny-write survived too")
                .isEqualTo(Nfs4Status.SHARE_DENIED);
        var lb = run(onFile(ao.fh()).op(LOCKT, w -> w.writeInt(1).writeLong(5).writeLong(1).writeLong(b)
                .writeString("lo-b")));
        lb.expect(PUTFH, 0).expect(LOCKT, Nfs4Status.DENIED);
        lb.in().readLong();
        lb.in().readLong();
        lb.in().readInt();
        assertThat(lb.in().readLong()).as("the holder is A, under its old client id").isEqualTo(a);
        var ua = run(onFile(ao.fh()).op(LOCKU, w -> { w.writeInt(2).writeInt(1); lockA.write(w);
            w.writeLong(0).writeLong(10); }));
        ua.expect(PUTFH, 0).expect(LOCKU, 0);
        assertThat(Stateid.read(ua.in()).seqid()).isEqualTo(lockA.seqid() + 1);
        run(onFile(ao.fh()).op(LOCKT, w -> w.writeInt(2).writeLong(0).writeLong(-1).writeLong(b)
                .writeString("lo-b"))).expect(PUTFH, 0).expect(LOCKT, 0);
        var closed = run(onFile(ao.fh()).op(CLOSE, w -> { w.writeInt(4); ao.stateid().write(w); }));
        closed.expect(PUTFH, 0).expect(CLOSE, 0);
        assertThat(open(b, "ob", 2, "survivor", 2, 0).status()).isZero();
        run(new Compound("", 0).op(Nfs4Ops.RENEW, w -> w.writeLong(12345))).expect(Nfs4Ops.RENEW,
                Nfs4Status.STALE_CLIENTID);
    }

    @Test
    void theConfiguredLeaseIsTheLeaseTimeAttributeAndTheLockServiceLease() throws XdrException {
        nfs4 = new Nfs4Program(new Nfs4Server(fixture.fs, fixture.gate, new PseudoFs(fixture.registry, fixture.fs),
                new io.dittofs.gateway.nfs.v4.state.ClientStates(locks, 30)));
        io.dittofs.gateway.nfs.v4.attr.Fattr4.leaseSeconds(30);
        try {
            var r = run(new Compound("", 0).putRootFh().getAttr(Fattr4.LEASE_TIME));
            r.expect(24, 0).expect(9, 0);
            assertThat(Bitmap.read(r.in())).isEqualTo(Bitmap.of(Fattr4.LEASE_TIME));
            r.in().readInt();
            assertThat(r.in().readInt()).isEqualTo(30);
            client("leased");
            var registered = new java.util.ArrayList<Integer>();
            lockCore.table().read(t -> {
                t.clients().forEach(c -> registered.add(c.leaseSeconds()));
                return null;
            });
            assertThat(registered).containsExactly(30);
        } finally {
            io.dittofs.gateway.nfs.v4.attr.Fattr4.leaseSeconds(Fattr4.LEASE_SECONDS);
        }
    }

    @Test
    void aClientWhoseLeaseRanOutGetsExpiredForItsStateidsAndLosesItsShareReservation() throws Exception {
        nfs4 = new Nfs4Program(new Nfs4Server(fixture.fs, fixture.gate, new PseudoFs(fixture.registry, fixture.fs),
                new io.dittofs.gateway.nfs.v4.state.ClientStates(locks, 1)));
        long a = client("lapsed-a");
        Opened ao = openConfirmed(a, "oa", "lapsed", 3, 2);
        Thread.sleep(2500);
        // the lock-service released the lapsed client: another client's conflicting open succeeds
        long b = client("lapsed-b");
        assertThat(open(b, "ob", 1, "lapsed", 2, 0).status()).isZero();
        // CLOSE with the stateid the gateway still cached: EXPIRED (RFC 7530 §8.6.3), and again on a retransmission
        run(onFile(ao.fh()).op(CLOSE, w -> { w.writeInt(3); ao.stateid().write(w); }))
                .expect(PUTFH, 0).expect(CLOSE, Nfs4Status.EXPIRED);
        run(onFile(ao.fh()).op(CLOSE, w -> { w.writeInt(3); ao.stateid().write(w); }))
                .expect(PUTFH, 0).expect(CLOSE, Nfs4Status.EXPIRED);
    }

    @Test
    void aRebootedClientsOldStateidsAreExpiredAndForeignOnesStale() throws XdrException {
        long a = client("reboot-a");
        Opened ao = openConfirmed(a, "oa", "rebooted", 3, 0);
        // the same owner with a new verifier: a rebooted client; its confirmation purges the old state
        var r = run(new Compound("", 0).op(Nfs4Ops.SETCLIENTID, w -> w.writeFixedOpaque(new byte[]{9, 9, 9, 9, 9, 9, 9, 9})
                .writeString("reboot-a").writeInt(1).writeString("tcp").writeString("127.0.0.1.8.1").writeInt(1)));
        r.expect(Nfs4Ops.SETCLIENTID, 0);
        long a2 = r.in().readLong();
        byte[] confirm = r.in().readFixedOpaque(8);
        run(new Compound("", 0).op(Nfs4Ops.SETCLIENTID_CONFIRM, w -> w.writeLong(a2).writeFixedOpaque(confirm)))
                .expect(Nfs4Ops.SETCLIENTID_CONFIRM, 0);
        run(onFile(ao.fh()).op(WRITE, w -> { ao.stateid().write(w); w.writeLong(0).writeInt(2)
                .writeOpaque(new byte[]{1}); })).expect(PUTFH, 0).expect(WRITE, Nfs4Status.EXPIRED);
        byte[] foreign = new byte[12];
        foreign[3] = 1;
        run(onFile(ao.fh()).op(WRITE, w -> { new Stateid(1, foreign).write(w); w.writeLong(0).writeInt(2)
                .writeOpaque(new byte[]{1}); })).expect(PUTFH, 0).expect(WRITE, Nfs4Status.STALE_STATEID);
        assertThat(open(a2, "oa", 1, "rebooted", 3, 3).status()).as("the purged open no longer denies").isZero();
    }

    @Test
    void setClientIdIsInUseForAnotherPrincipalAndACallbackUpdateKeepsTheState() throws XdrException {
        long a = client("cb-update");
        Opened ao = openConfirmed(a, "oa", "cbfile", 3, 2);
        var bob = io.dittofs.gateway.fixture.GatewayFixture.context("127.0.0.1",
                io.dittofs.gateway.fixture.GatewayFixture.user(1001, 1001));
        run(new Compound("", 0).op(Nfs4Ops.SETCLIENTID, w -> w.writeFixedOpaque(new byte[8])
                .writeString("cb-update").writeInt(1).writeString("tcp").writeString("127.0.0.1.8.1").writeInt(1)), bob)
                .expect(Nfs4Ops.SETCLIENTID, Nfs4Status.CLID_INUSE);
        var r = run(new Compound("", 0).op(Nfs4Ops.SETCLIENTID, w -> w.writeFixedOpaque(new byte[8])
                .writeString("cb-update").writeInt(2).writeString("tcp").writeString("127.0.0.1.8.2").writeInt(2)));
        r.expect(Nfs4Ops.SETCLIENTID, 0);
        assertThat(r.in().readLong()).as("a callback update keeps the client id").isEqualTo(a);
        byte[] update = r.in().readFixedOpaque(8);
        run(new Compound("", 0).op(Nfs4Ops.SETCLIENTID_CONFIRM, w -> w.writeLong(a).writeFixedOpaque(update)))
                .expect(Nfs4Ops.SETCLIENTID_CONFIRM, 0);
        run(onFile(ao.fh()).op(WRITE, w -> { ao.stateid().write(w); w.writeLong(0).writeInt(2)
                .writeOpaque(new byte[]{1}); })).expect(PUTFH, 0).expect(WRITE, 0);
    }
}
