package io.dittofs.nfsclient.v4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dittofs.nfsclient.RpcException;
import io.dittofs.nfsclient.XdrIn;
import io.dittofs.nfsclient.XdrOut;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Nfs4CallbacksTest {

    final List<Stateid> given = new ArrayList<>();
    final Nfs4Callbacks callbacks = new Nfs4Callbacks((fh, s) -> {
        synchronized (given) {
            given.add(s);
        }
    });

    static XdrOut cbCompound(int ops) {
        return new XdrOut().writeString("tag").writeInt(1).writeInt(0).writeInt(ops);
    }

    static void cbSequence(XdrOut out, byte[] session, int seq) {
        out.writeInt(Nfs4Callbacks.CB_SEQUENCE).writeFixed(session).writeInt(seq).writeInt(0).writeInt(0).writeBool(false)
                .writeInt(1).writeFixed(session).writeInt(1).writeInt(7).writeInt(0);
    }

    @Test
    void recallIsAnsweredAndTheDelegationGivenBack() throws Exception {
        byte[] session = new byte[16];
        session[3] = 9;
        byte[] other = new byte[12];
        other[11] = 5;
        XdrOut args = cbCompound(2);
        cbSequence(args, session, 4);
        args.writeInt(Nfs4Callbacks.CB_RECALL).writeInt(1).writeFixed(other).writeBool(false).writeOpaque(new byte[] {1, 2, 3});

        XdrIn res = new XdrIn(callbacks.handle(0x40000000, 1, 1, new XdrIn(args.toByteArray())));
        assertThat(res.readInt()).as("CB_COMPOUND status").isZero();
        assertThat(res.readString()).isEqualTo("tag");
        assertThat(res.readInt()).isEqualTo(2);
        assertThat(res.readInt()).isEqualTo(Nfs4Callbacks.CB_SEQUENCE);
        assertThat(res.readInt()).isZero();
        assertThat(res.readFixed(16)).isEqualTo(session);
        assertThat(res.readInt()).as("sequence id echoed").isEqualTo(4);
        res.readInt();
        res.readInt();
        res.readInt();
        assertThat(res.readInt()).isEqualTo(Nfs4Callbacks.CB_RECALL);
        assertThat(res.readInt()).isZero();
        assertThat(res.remaining()).isZero();

        Nfs4Callbacks.Recall r = callbacks.awaitRecall(Duration.ofSeconds(5));
        assertThat(r.fh()).containsExactly(1, 2, 3);
        assertThat(r.delegation().other()).isEqualTo(other);
        assertThat(callbacks.returned()).isEqualTo(1);
        synchronized (given) {
            assertThat(given).hasSize(1);
        }
    }

    @Test
    void unknownOperationStopsTheCompoundWithNotSupp() {
        XdrOut args = cbCompound(2);
        cbSequence(args, new byte[16], 1);
        args.writeInt(3).writeOpaque(new byte[4]).writeInt(0);
        XdrIn res = new XdrIn(callbacks.handle(0x40000000, 1, 1, new XdrIn(args.toByteArray())));
        assertThat(res.readInt()).isEqualTo(10004);
    }

    @Test
    void cbNullHasNoResults() {
        assertThat(callbacks.handle(0x40000000, 1, 0, new XdrIn(new byte[0]))).isEmpty();
    }

    @Test
    void garbageIsAnRpcExceptionNeverAHugeAllocation() {
        Random rnd = new Random(11);
        for (int i = 0; i < 2000; i++) {
            byte[] junk = new byte[rnd.nextInt(200)];
            rnd.nextBytes(junk);
            try {
                callbacks.handle(0x40000000, 1, 1, new XdrIn(junk));
            } catch (RpcException expected) {
                // a short or lying argument is refused
            }
        }
        assertThatThrownBy(() -> callbacks.handle(0x40000000, 1, 1, new XdrIn(cbCompound(1).writeInt(Nfs4Callbacks.CB_RECALL)
                .toByteArray()))).isInstanceOf(RpcException.class);
    }
}
