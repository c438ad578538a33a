package io.dittofs.gateway.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.gateway.rpc.auth.AuthSys;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CALL and REPLY decoding (RFC 5531 §9): typed results, bounded slices, seeded random and mutated input. */
class RpcMessagesTest {

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
    void decodesACallWithItsRawCredentialAndArguments() {
        var m = RpcMessages.decode(call(7, 2, 1, authSys(1000, 100, 3), new byte[] {1, 2, 3, 4}));
        assertThat(m).isInstanceOf(RpcMessage.Call.class);
        RpcMessage.Call c = (RpcMessage.Call) m;
        assertThat(c.xid()).isEqualTo(7);
        assertThat(c.program()).isEqualTo(100003);
        assertThat(c.credential().flavor()).isEqualTo(Credential.AUTH_SYS);
        assertThat(AuthSys.decode(c.credential().body()))
                .isEqualTo(new Credential.Sys(1, "host", 1000, 100, List.of(100, 101, 102)));
        assertThat(c.args().readableBytes()).isEqualTo(4);
    }

    @Test
    void wrongRpcVersionAndOversizedAuthAreRefused() {
        assertThat(RpcMessages.decode(call(9, 3, 0, new byte[0], new byte[0]))).isEqualTo(new RpcMessage.Refused(9, null));
        assertThat(RpcMessages.decode(call(2, 2, 1, new byte[401], new byte[0])))
                .isEqualTo(new RpcMessage.Refused(2, AuthStat.BADCRED));
        ByteBuf b = Unpooled.buffer();
        new XdrWriter(b).writeInt(3).writeInt(0).writeInt(2).writeInt(1).writeInt(1).writeInt(0).writeInt(0).writeInt(0)
                .writeInt(0).writeInt(1_000_000);
        assertThat(RpcMessages.decode(b)).isEqualTo(new RpcMessage.Refused(3, AuthStat.BADVERF));
    }

    @Test
    void decodesReplies() {
        ByteBuf ok = Unpooled.buffer();
        new XdrWriter(ok).writeInt(5).writeInt(1).writeInt(0).writeInt(0).writeInt(0).writeInt(0).writeInt(77);
        RpcMessage.Reply r = (RpcMessage.Reply) RpcMessages.decode(ok);
        assertThat(r.status().success()).isTrue();
        assertThat(r.results().readInt()).isEqualTo(77);

        ByteBuf mismatch = Unpooled.buffer();
        new XdrWriter(mismatch).writeInt(6).writeInt(1).writeInt(0).writeInt(0).writeInt(0).writeInt(2).writeInt(3).writeInt(4);
        assertThat(((RpcMessage.Reply) RpcMessages.decode(mismatch)).status()).isEqualTo(new ReplyStatus(true, 2, 3, 4));

        ByteBuf denied = Unpooled.buffer();
        new XdrWriter(denied).writeInt(7).writeInt(1).writeInt(1).writeInt(1).writeInt(AuthStat.TOOWEAK.code);
        assertThat(((RpcMessage.Reply) RpcMessages.decode(denied)).status())
                .isEqualTo(new ReplyStatus(false, 1, AuthStat.TOOWEAK.code, 0));
    }

    @Test
    void shortRecordsUnknownTypesAndTruncatedRepliesAreGarbage() {
        assertThat(RpcMessages.decode(Unpooled.wrappedBuffer(new byte[] {0, 0}))).isInstanceOf(RpcMessages.Garbage.class);
        assertThat(RpcMessages.decode(Unpooled.wrappedBuffer(new byte[] {0, 0, 0, 1, 0, 0, 0, 9})))
                .isInstanceOf(RpcMessages.Garbage.class);
        assertThat(RpcMessages.decode(Unpooled.wrappedBuffer(new byte[] {0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0})))
                .isInstanceOf(RpcMessages.Garbage.class);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void randomAndMutatedMessagesNeverThrowAndSlicesStayInsideTheRecord(long seed) {
        Random rnd = new Random(seed);
        ByteBuf validCall = call(5, 2, 1, authSys(1, 1, 2), new byte[12]);
        byte[] callBytes = new byte[validCall.readableBytes()];
        validCall.readBytes(callBytes);
        byte[] replyBytes = TestRpc.successReply(5, w -> w.writeInt(1).writeInt(2));
        for (int i = 0; i < 20000; i++) {
            byte[] b;
            int choice = rnd.nextInt(3);
            if (choice == 0) {
                b = new byte[rnd.nextInt(200)];
                rnd.nextBytes(b);
            } else {
                b = (choice == 1 ? callBytes : replyBytes).clone();
                for (int m = rnd.nextInt(4); m >= 0; m--) {
                    b[rnd.nextInt(b.length)] = (byte) rnd.nextInt();
                }
                b = Arrays.copyOf(b, rnd.nextInt(b.length + 1));
            }
            ByteBuf record = Unpooled.wrappedBuffer(b);
            switch (RpcMessages.decode(record)) {
                case RpcMessage.Call c -> {
                    assertThat(c.credential().body().readableBytes()).isLessThanOrEqualTo(OpaqueAuth.MAX_BODY);
                    assertThat(c.credential().body().readableBytes() + c.args().readableBytes()).isLessThanOrEqualTo(b.length);
                    assertThat(AuthSys.decode(c.credential().body().duplicate())).satisfiesAnyOf(
                            x -> assertThat(x).isNull(), x -> assertThat(x.gids()).hasSizeLessThanOrEqualTo(16));
                }
                case RpcMessage.Reply r -> assertThat(r.results().readableBytes()).isLessThanOrEqualTo(b.length);
                case RpcMessage.Refused r -> assertThat(r.xid()).isNotNull();
                case RpcMessages.Garbage g -> assertThat(g.reason()).isNotBlank();
            }
        }
    }
}
