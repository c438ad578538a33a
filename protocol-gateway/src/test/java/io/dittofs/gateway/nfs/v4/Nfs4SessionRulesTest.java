package io.dittofs.gateway.nfs.v4;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.gateway.fixture.GatewayFixture;
import io.dittofs.gateway.rpc.CallContext;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * EXCHANGE_ID record cases (RFC 8881 §18.35.5), CREATE_SESSION sequence, replay, principal and
 * channel rules (§18.36), SEQUENCE's session limits, BIND_CONN_TO_SESSION and BACKCHANNEL_CTL,
 * through the real program and services.
 */
class Nfs4SessionRulesTest extends Nfs4FixtureTestBase {

    static final byte[] V1 = {1, 1, 1, 1, 1, 1, 1, 1};
    static final byte[] V2 = {2, 2, 2, 2, 2, 2, 2, 2};
    static final int UPDATE = 0x40000000;
    static final int CONFIRMED_R = 0x80000000;

    final CallContext bob = GatewayFixture.context("127.0.0.1", GatewayFixture.user(1111, 37));

    record Exchanged(int status, long clientId, int seq, int flags) {
    }

    Exchanged exchange(String owner, byte[] verifier, int flags, CallContext who) throws XdrException {
        var r = run(new Compound("", 1).op(Nfs4Ops.EXCHANGE_ID, w -> w.writeFixedOpaque(verifier)
                .writeOpaque(owner.getBytes(StandardCharsets.UTF_8)).writeInt(flags).writeInt(0).writeInt(0)), who);
        assertThat(r.in().readInt()).isEqualTo(Nfs4Ops.EXCHANGE_ID);
        int st = r.in().readInt();
        if (st != 0) {
            return new Exchanged(st, 0, 0, 0);
        }
        return new Exchanged(st, r.in().readLong(), r.in().readInt(), r.in().readInt());
    }

    static Consumer<XdrWriter> createArgs(long clientId, int seq, int flags, int maxReq, int maxResp, int maxCached,
                                          int maxOps) {
        return w -> {
            w.writeLong(clientId).writeInt(seq).writeInt(flags);
            w.writeInt(0).writeInt(maxReq).writeInt(maxResp).writeInt(maxCached).writeInt(maxOps).writeInt(4).writeInt(0);
            w.writeInt(0).writeInt(4096).writeInt(4096).writeInt(0).writeInt(2).writeInt(1).writeInt(0);
            w.writeInt(0x40000000).writeInt(1).writeInt(0);
        };
    }

    Result create(long clientId, int seq, CallContext who) {
        return run(new Compound("", 1).op(Nfs4Ops.CREATE_SESSION, createArgs(clientId, seq, 0, 65536, 65536, 4096, 16)), who);
    }

    byte[] session(long clientId, int seq) throws XdrException {
        var r = create(clientId, seq, alice);
        r.expect(Nfs4Ops.CREATE_SESSION, 0);
        return r.in().readFixedOpaque(16);
    }

    @Test
    void updateNeedsAConfirmedRecordWithTheSameVerifierAndPrincipal() throws XdrException {
        assertThat(exchange("upd", V1, UPDATE, alice).status()).isEqualTo(Nfs4Status.NOENT);
        var first = exchange("upd", V1, 0, alice);
        assertThat(first.flags() & CONFIRMED_R).isZero();
        assertThat(exchange("upd", V1, UPDATE, alice).status()).as("unconfirmed: case 7").isEqualTo(Nfs4Status.NOENT);
        session(first.clientId(), first.seq());
        var updated = exchange("upd", V1, UPDATE, alice);
        assertThat(updated.clientId()).as("case 6").isEqualTo(first.clientId());
        assertThat(updated.flags() & CONFIRMED_R).isNotZero();
        assertThat(updated.seq()).isEqualTo(first.seq() + 1);
        assertThat(exchange("upd", V2, UPDATE, alice).status()).as("case 8").isEqualTo(Nfs4Status.NOT_SAME);
        assertThat(exchange("upd", V1, UPDATE, bob).status()).as("case 9").isEqualTo(Nfs4Status.PERM);
    }

    @Test
    void aRestartedClientGetsANewRecordAndTheOldSessionsEndWhenItIsConfirmed() throws XdrException {
        var first = exchange("reboot", V1, 0, alice);
        byte[] s1 = session(first.clientId(), first.seq());
        assertThat(exchange("reboot", V1, 0, alice).clientId()).as("case 2").isEqualTo(first.clientId());
        var again = exchange("reboot", V2, 0, alice);
        assertThat(again.clientId()).as("case 5").isNotEqualTo(first.clientId());
        run(new Compound("", 1).sequence(s1, 1, 0)).expect(Nfs4Ops.SEQUENCE, 0);
        session(again.clientId(), again.seq());
        run(new Compound("", 1).sequence(s1, 2, 0)).expect(Nfs4Ops.SEQUENCE, Nfs4Status.BADSESSION);
    }

    @Test
    void anotherPrincipalReplacesAConfirmedRecordOnlyWithoutState() throws XdrException {
        var first = exchange("princ", V1, 0, alice);
        byte[] s1 = session(first.clientId(), first.seq());
        assertThat(exchange("princ", V1, 0, bob).status()).as("case 3 with a session").isEqualTo(Nfs4Status.CLID_INUSE);
        run(new Compound("", 1).op(Nfs4Ops.DESTROY_SESSION, w -> w.writeFixedOpaque(s1))).expect(Nfs4Ops.DESTROY_SESSION, 0);
        var replaced = exchange("princ", V1, 0, bob);
        assertThat(replaced.status()).isZero();
        assertThat(replaced.clientId()).isNotEqualTo(first.clientId());
        create(first.clientId(), first.seq() + 1, alice).expect(Nfs4Ops.CREATE_SESSION, Nfs4Status.STALE_CLIENTID);
        var unconfirmed = exchange("princ2", V1, 0, alice);
        var again = exchange("princ2", V1, 0, alice);
        assertThat(again.clientId()).as("case 4 replaces the unconfirmed record").isNotEqualTo(unconfirmed.clientId());
    }

    @Test
    void createSessionReplaysItsLastResultAndChecksThePrincipalBeforeConfirmation() throws XdrException {
        var c = exchange("replay", V1, 0, alice);
        create(c.clientId(), c.seq(), bob).expect(Nfs4Ops.CREATE_SESSION, Nfs4Status.CLID_INUSE);
        create(c.clientId(), c.seq() - 1, alice).expect(Nfs4Ops.CREATE_SESSION, Nfs4Status.SEQ_MISORDERED);
        var first = create(c.clientId(), c.seq(), alice);
        var replay = create(c.clientId(), c.seq(), alice);
        assertThat(replay.raw()).isEqualTo(first.raw());
        create(c.clientId(), c.seq() + 2, alice).expect(Nfs4Ops.CREATE_SESSION, Nfs4Status.SEQ_MISORDERED);
        create(c.clientId(), c.seq() - 1, alice).expect(Nfs4Ops.CREATE_SESSION, Nfs4Status.SEQ_MISORDERED);
        var other = create(c.clientId(), c.seq() + 1, bob);
        other.expect(Nfs4Ops.CREATE_SESSION, 0);
        first.expect(Nfs4Ops.CREATE_SESSION, 0);
        assertThat(Arrays.equals(other.in().readFixedOpaque(16), first.in().readFixedOpaque(16))).isFalse();
    }

    @Test
    void channelsTooSmallForASequenceAndUnknownFlagsAreRefused() throws XdrException {
        var c = exchange("small", V1, 0, alice);
        run(new Compound("", 1).op(Nfs4Ops.CREATE_SESSION, createArgs(c.clientId(), c.seq(), 0, 20, 8192, 8192, 8)))
                .expect(Nfs4Ops.CREATE_SESSION, Nfs4Status.TOOSMALL);
        run(new Compound("", 1).op(Nfs4Ops.CREATE_SESSION, createArgs(c.clientId(), c.seq(), 0, 8192, 0, 8192, 8)))
                .expect(Nfs4Ops.CREATE_SESSION, Nfs4Status.TOOSMALL);
        run(new Compound("", 1).op(Nfs4Ops.CREATE_SESSION, createArgs(c.clientId(), c.seq(), 0x100, 8192, 8192, 8192, 8)))
                .expect(Nfs4Ops.CREATE_SESSION, Nfs4Status.INVAL);
        run(new Compound("", 1).op(Nfs4Ops.CREATE_SESSION, createArgs(c.clientId(), c.seq(), 0, 8192, 8192, 8192, 8)))
                .expect(Nfs4Ops.CREATE_SESSION, 0);
    }

    @Test
    void sequenceEnforcesTheNegotiatedOpsAndSizes() throws XdrException {
        var c = exchange("limits", V1, 0, alice);
        var r = run(new Compound("", 1).op(Nfs4Ops.CREATE_SESSION, createArgs(c.clientId(), c.seq(), 0, 512, 400, 10, 5)));
        r.expect(Nfs4Ops.CREATE_SESSION, 0);
        byte[] s = r.in().readFixedOpaque(16);
        run(new Compound("", 1).sequence(s, 1, 0).putRootFh().getFh().getAttr(1)).sequenceOk().expect(24, 0);
        run(new Compound("", 1).sequence(s, 2, 0).putRootFh().getFh().getAttr(1).getAttr(1).getAttr(1))
                .expect(Nfs4Ops.SEQUENCE, Nfs4Status.TOO_MANY_OPS);
        run(new Compound("", 1).sequence(s, 2, 0).putRootFh().lookup("x".repeat(500)))
                .expect(Nfs4Ops.SEQUENCE, Nfs4Status.REQ_TOO_BIG);
        var big = run(new Compound("", 1).sequence(s, 2, 0).putRootFh().getAttr(0, 1, 2, 3, 4, 8, 19, 20, 33, 36, 37)
                .getAttr(0, 1, 2, 3, 4, 8, 19, 20, 33, 36, 37).getAttr(0, 1, 2, 3, 4, 8, 19, 20, 33, 36, 37));
        assertThat(big.status()).isEqualTo(Nfs4Status.REP_TOO_BIG);
        var cached = run(new Compound("", 1).op(53, w -> w.writeFixedOpaque(s).writeInt(3).writeInt(0).writeInt(0)
                .writeBool(true)));
        cached.expect(Nfs4Ops.SEQUENCE, Nfs4Status.REP_TOO_BIG_TO_CACHE);
    }

    @Test
    void bindConnAndBackchannelCtlNeedAKnownSession() throws XdrException {
        var c = exchange("bind", V1, 0, alice);
        byte[] s = session(c.clientId(), c.seq());
        var bound = run(new Compound("", 1).op(41, w -> w.writeFixedOpaque(s).writeInt(3).writeBool(false)));
        bound.expect(41, 0);
        assertThat(bound.in().readFixedOpaque(16)).isEqualTo(s);
        assertThat(bound.in().readInt()).as("no connection to call back on: fore channel only").isEqualTo(1);
        run(new Compound("", 1).op(41, w -> w.writeFixedOpaque(new byte[16]).writeInt(1).writeBool(false)))
                .expect(41, Nfs4Status.BADSESSION);
        run(new Compound("", 1).op(41, w -> w.writeFixedOpaque(s).writeInt(9).writeBool(false)))
                .expect(41, Nfs4Status.INVAL);
        run(new Compound("", 1).sequence(s, 1, 0).op(40, w -> w.writeInt(0x40000001).writeInt(1).writeInt(0)))
                .sequenceOk().expect(40, 0);
        run(new Compound("", 1).op(40, w -> w.writeInt(1).writeInt(0))).expect(40, Nfs4Status.OP_NOT_IN_SESSION);
    }

    @Test
    void ssvIsRefusedImplIdArraysOfOneAreAcceptedAndUnknownFlagsAreInval() throws XdrException {
        var ssv = run(new Compound("", 1).op(Nfs4Ops.EXCHANGE_ID, w -> {
            w.writeFixedOpaque(V1).writeString("ssv").writeInt(0).writeInt(2);
            w.writeInt(1).writeInt(1 << 11).writeInt(1).writeInt(1 << 4);
            w.writeInt(1).writeOpaque(new byte[] {6, 9, 96, -122, 72, 1, 101, 3, 4, 2, 1});
            w.writeInt(1).writeOpaque(new byte[] {6, 9, 96, -122, 72, 1, 101, 3, 4, 1, 42});
            w.writeInt(4).writeInt(2).writeInt(0);
        }));
        ssv.expect(Nfs4Ops.EXCHANGE_ID, Nfs4Status.ENCR_ALG_UNSUPP);
        var impl = run(new Compound("", 1).op(Nfs4Ops.EXCHANGE_ID, w -> w.writeFixedOpaque(V1).writeString("impl")
                .writeInt(0).writeInt(0).writeInt(1).writeString("kernel.org").writeString("Linux 6.1").writeLong(0).writeInt(0)));
        impl.expect(Nfs4Ops.EXCHANGE_ID, 0);
        var two = run(new Compound("", 1).op(Nfs4Ops.EXCHANGE_ID, w -> w.writeFixedOpaque(V1).writeString("impl2")
                .writeInt(0).writeInt(0).writeInt(2)));
        two.expect(Nfs4Ops.EXCHANGE_ID, Nfs4Status.BADXDR);
        assertThat(exchange("flags", V1, 0x4, alice).status()).isEqualTo(Nfs4Status.INVAL);
        assertThat(exchange("flags", V1, CONFIRMED_R, alice).status()).isEqualTo(Nfs4Status.INVAL);
    }

    @Test
    void minorVersionsOutsideTheConfiguredRangeAreMinorVersMismatch() throws XdrException {
        nfs4 = new Nfs4Program(new Nfs4Server(fixture.fs, fixture.gate, new PseudoFs(fixture.registry, fixture.fs),
                new io.dittofs.gateway.nfs.v4.state.ClientStates(null)), 1, 1);
        var r = run(new Compound("only-41", 0).putRootFh());
        assertThat(r.status()).isEqualTo(Nfs4Status.MINOR_VERS_MISMATCH);
        assertThat(r.count()).isZero();
        assertThat(exchange("in-range", V1, 0, alice).status()).isZero();
    }
}
