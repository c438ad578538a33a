package io.dittofs.gateway.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallHeaderTest {

    static ByteBuf call(int xid, int rpcvers, int flavor, byte[] cred, byte[] args) {
        ByteBuf b = Unpooled.buffer();
        XdrWriter w = new XdrWriter(b);
        w.writeInt(xid).writeInt(0).writeInt(rpcvers).writeInt(100003).writeInt(3).writeInt(1)
                .writeInt(flavor).writeOpaque(cred).writeInt(0).writeOpaque(new byte[0]);
        b.writeBytes(args);
        return b;
    }

    static byte[] authSys(int uid, int gid, int ngids) {
        ByteBuf b = Unpooled.buffer();
        XdrWriter w = new XdrWriter(b).writeInt(1).writeString("host").writeInt(uid).writeInt(gid).writeInt(ngids);
        for (int i = 0; i < ngids; i++) {
            w.writeInt(100 + i);
        }
        byte[] out = new byte[b.readableBytes()];
        b.readBytes(out);
        return out;
    }

    @Test
    void decodesAuthSysCall() {
        var r = CallHeader.decode(call(7, 2, 1, authSys(1000, 100, 3), new byte[] {1, 2, 3, 4}));
        assertThat(r).isInstanceOf(CallHeader.Ok.class);
        RpcCall c = ((CallHeader.Ok) r).call();
        assertThat(c.xid()).isEqualTo(7);
        assertThat(c.credential()).isEqualTo(new Credential.Sys(1, "host", 1000, 100, java.util.List.of(100, 101, 102)));
        assertThat(c.args().readableBytes()).isEqualTo(4);
    }

    @Test
    void wrongRpcVersionIsRpcMismatch() {
        assertThat(CallHeader.decode(call(9, 3, 0, new byte[0], new byte[0])))
                .isEqualTo(new CallHeader.VersionMismatch(9));
    }

    @Test
    void unknownFlavorIsRejectedCredAndBadAuthSysIsBadCred() {
        assertThat(CallHeader.decode(call(1, 2, 6, new byte[8], new byte[0])))
                .isEqualTo(new CallHeader.AuthError(1, AuthStat.REJECTEDCRED));
        assertThat(CallHeader.decode(call(2, 2, 1, authSys(0, 0, 17), new byte[0])))
                .isEqualTo(new CallHeader.AuthError(2, AuthStat.BADCRED));
        assertThat(CallHeader.decode(call(3, 2, 1, new byte[] {0, 0, 0, 1}, new byte[0])))
                .isEqualTo(new CallHeader.AuthError(3, AuthStat.BADCRED));
    }

    @Test
    void replyMessagesAndShortRecordsAreDropped() {
        assertThat(CallHeader.decode(Unpooled.wrappedBuffer(new byte[] {0, 0, 0, 1, 0, 0, 0, 1})))
                .isInstanceOf(CallHeader.Drop.class);
        assertThat(CallHeader.decode(Unpooled.wrappedBuffer(new byte[] {0, 0})))
                .isInstanceOf(CallHeader.Drop.class);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void randomAndMutatedHeadersNeverThrow(long seed) {
        Random rnd = new Random(seed);
        ByteBuf valid = call(5, 2, 1, authSys(1, 1, 2), new byte[12]);
        byte[] base = new byte[valid.readableBytes()];
        valid.readBytes(base);
        for (int i = 0; i < 20000; i++) {
            byte[] b;
            if (rnd.nextBoolean()) {
                b = new byte[rnd.nextInt(200)];
                rnd.nextBytes(b);
            } else {
                b = base.clone();
                for (int m = rnd.nextInt(4); m >= 0; m--) {
                    b[rnd.nextInt(b.length)] = (byte) rnd.nextInt();
                }
                b = java.util.Arrays.copyOf(b, rnd.nextInt(b.length + 1));
            }
            assertThat(CallHeader.decode(Unpooled.wrappedBuffer(b))).isNotNull();
        }
    }
}
