package io.dittofs.gateway.nfs.v4;

import io.dittofs.gateway.rpc.XdrException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Client ids (4.0 and 4.1), sessions, and SEQUENCE's exactly-once replay cache. */
class Nfs4StateOpsTest extends Nfs4FixtureTestBase {

    private static final byte[] VERIFIER = {1, 2, 3, 4, 5, 6, 7, 8};

    @Test
    void setClientIdConfirmAndRenew() throws XdrException {
        var r = run(new Compound("", 0).op(Nfs4Ops.SETCLIENTID, w -> w.writeFixedOpaque(VERIFIER)
                .writeString("client-a").writeInt(0x40000000).writeString("tcp").writeString("127.0.0.1.8.1").writeInt(1)));
        r.expect(Nfs4Ops.SETCLIENTID, 0);
        long clientId = r.in().readLong();
        byte[] confirm = r.in().readFixedOpaque(8);
        run(new Compound("", 0).op(Nfs4Ops.RENEW, w -> w.writeLong(clientId))).expect(Nfs4Ops.RENEW, Nfs4Status.STALE_CLIENTID);
        byte[] wrong = confirm.clone();
        wrong[0] ^= 1;
        run(new Compound("", 0).op(Nfs4Ops.SETCLIENTID_CONFIRM, w -> w.writeLong(clientId).writeFixedOpaque(wrong)))
                .expect(Nfs4Ops.SETCLIENTID_CONFIRM, Nfs4Status.STALE_CLIENTID);
        run(new Compound("", 0).op(Nfs4Ops.SETCLIENTID_CONFIRM, w -> w.writeLong(clientId).writeFixedOpaque(confirm)))
                .expect(Nfs4Ops.SETCLIENTID_CONFIRM, 0);
        run(new Compound("", 0).op(Nfs4Ops.RENEW, w -> w.writeLong(clientId))).expect(Nfs4Ops.RENEW, 0);
    }

    private long exchangeId(String owner) throws XdrException {
        var r = run(new Compound("", 1).op(Nfs4Ops.EXCHANGE_ID, w -> w.writeFixedOpaque(VERIFIER)
                .writeOpaque(owner.getBytes(StandardCharsets.UTF_8)).writeInt(0).writeInt(0).writeInt(0)));
        r.expect(Nfs4Ops.EXCHANGE_ID, 0);
        long id = r.in().readLong();
        assertThat(r.in().readInt()).isEqualTo(1);
        return id;
    }

    private byte[] createSession(long clientId, int seq, int slots) throws XdrException {
        var r = run(new Compound("", 1).op(Nfs4Ops.CREATE_SESSION, w -> {
            w.writeLong(clientId).writeInt(seq).writeInt(0);
            for (int ch = 0; ch < 2; ch++) {
                w.writeInt(0).writeInt(1 << 20).writeInt(1 << 20).writeInt(4096).writeInt(16).writeInt(slots).writeInt(0);
            }
            w.writeInt(0x40000000).writeInt(1).writeInt(0);
        }));
        r.expect(Nfs4Ops.CREATE_SESSION, 0);
        return r.in().readFixedOpaque(16);
    }

    @Test
    void sessionSequenceReplayAndMisorder() throws XdrException {
        long clientId = exchangeId("linux-client");
        byte[] session = createSession(clientId, 1, 4);
        var first = run(new Compound("", 1).sequence(session, 1, 0).putRootFh().getFh());
        assertThat(first.status()).isZero();
        var replay = run(new Compound("", 1).sequence(session, 1, 0).putRootFh().getFh());
        assertThat(replay.raw()).isEqualTo(first.raw());
        run(new Compound("", 1).sequence(session, 5, 0)).expect(Nfs4Ops.SEQUENCE, Nfs4Status.SEQ_MISORDERED);
        run(new Compound("", 1).sequence(session, 1, 9)).expect(Nfs4Ops.SEQUENCE, Nfs4Status.BADSLOT);
        run(new Compound("", 1).sequence(session, 1, 1).putRootFh()).sequenceOk().expect(24, 0);
        run(new Compound("", 1).sequence(session, 2, 0).op(Nfs4Ops.SEQUENCE))
                .sequenceOk().expect(Nfs4Ops.SEQUENCE, Nfs4Status.SEQUENCE_POS);
        run(new Compound("", 1).sequence(session, 3, 0).op(58, w -> w.writeBool(false))).sequenceOk().expect(58, 0);
        run(new Compound("", 1).sequence(session, 4, 0).op(58, w -> w.writeBool(false)))
                .sequenceOk().expect(58, Nfs4Status.COMPLETE_ALREADY);
        run(new Compound("", 1).op(Nfs4Ops.DESTROY_CLIENTID, w -> w.writeLong(clientId)))
                .expect(Nfs4Ops.DESTROY_CLIENTID, Nfs4Status.CLIENTID_BUSY);
        run(new Compound("", 1).op(Nfs4Ops.DESTROY_SESSION, w -> w.writeFixedOpaque(session)))
                .expect(Nfs4Ops.DESTROY_SESSION, 0);
        run(new Compound("", 1).sequence(session, 5, 0)).expect(Nfs4Ops.SEQUENCE, Nfs4Status.BADSESSION);
        run(new Compound("", 1).op(Nfs4Ops.DESTROY_CLIENTID, w -> w.writeLong(clientId))).expect(Nfs4Ops.DESTROY_CLIENTID, 0);
    }

    @Test
    void createSessionSequenceMustMatch() throws XdrException {
        long clientId = exchangeId("other");
        var r = run(new Compound("", 1).op(Nfs4Ops.CREATE_SESSION, w -> {
            w.writeLong(clientId).writeInt(7).writeInt(0);
            for (int ch = 0; ch < 2; ch++) {
                w.writeInt(0).writeInt(4096).writeInt(4096).writeInt(4096).writeInt(8).writeInt(1).writeInt(0);
            }
            w.writeInt(1).writeInt(0);
        }));
        r.expect(Nfs4Ops.CREATE_SESSION, Nfs4Status.SEQ_MISORDERED);
        byte[] s1 = createSession(clientId, 1, 1);
        byte[] s2 = createSession(clientId, 2, 1);
        assertThat(Arrays.equals(s1, s2)).isFalse();
    }
}
