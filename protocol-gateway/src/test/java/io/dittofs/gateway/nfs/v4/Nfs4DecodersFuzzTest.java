package io.dittofs.gateway.nfs.v4;

import io.dittofs.gateway.rpc.Outcome;
import io.dittofs.gateway.rpc.RpcReplies;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded random and mutated COMPOUNDs through the real program: every one is answered (a reply or
 * GARBAGE_ARGS), never an exception, and an answered one has a well-formed header.
 */
class Nfs4DecodersFuzzTest extends Nfs4FixtureTestBase {

    private static final long SEED = 0x4e465334L;

    private List<byte[]> seeds() {
        byte[] session = new byte[16];
        return List.of(
                new Compound("t", 0).putRootFh().lookup("export").getFh().getAttr(0, 1, 3, 4, 8, 19, 20, 33, 36, 55).bytes(),
                new Compound("", 0).putRootFh().op(26, w -> w.writeLong(0).writeFixedOpaque(new byte[8]).writeInt(512)
                        .writeInt(1024).writeInt(2).writeInt(-1).writeInt(-1)).bytes(),
                new Compound("", 0).op(Nfs4Ops.SETCLIENTID, w -> w.writeFixedOpaque(new byte[8]).writeString("c")
                        .writeInt(1).writeString("tcp").writeString("a").writeInt(0)).bytes(),
                new Compound("", 1).op(Nfs4Ops.EXCHANGE_ID, w -> w.writeFixedOpaque(new byte[8]).writeString("o")
                        .writeInt(0).writeInt(0).writeInt(0)).bytes(),
                new Compound("", 1).op(Nfs4Ops.CREATE_SESSION, w -> {
                    w.writeLong(1).writeInt(1).writeInt(0);
                    for (int i = 0; i < 2; i++) {
                        w.writeInt(0).writeInt(1).writeInt(1).writeInt(1).writeInt(1).writeInt(1).writeInt(0);
                    }
                    w.writeInt(0).writeInt(1).writeInt(1).writeInt(0).writeString("m").writeInt(0).writeInt(0).writeInt(0);
                }).bytes(),
                new Compound("", 1).sequence(session, 1, 0).putRootFh().op(33, w -> w.writeString("export")).bytes());
    }

    @Test
    void mutatedAndRandomCompoundsNeverThrow() {
        Random rnd = new Random(SEED);
        List<byte[]> seeds = seeds();
        for (int i = 0; i < 3000; i++) {
            byte[] input;
            if (i % 4 == 0) {
                input = new byte[rnd.nextInt(200)];
                rnd.nextBytes(input);
            } else {
                byte[] base = seeds.get(rnd.nextInt(seeds.size()));
                input = java.util.Arrays.copyOf(base, Math.max(0, base.length - rnd.nextInt(Math.min(8, base.length + 1)) * (rnd.nextInt(3) == 0 ? 1 : 0)));
                int flips = 1 + rnd.nextInt(4);
                for (int f = 0; f < flips && input.length > 0; f++) {
                    int at = rnd.nextInt(input.length);
                    input[at] = rnd.nextInt(3) == 0 ? (byte) 0xff : (byte) rnd.nextInt(256);
                }
            }
            byte[] in = input;
            var reply = fixture.call(nfs4, Nfs4Program.COMPOUND, alice, w -> w.buffer().writeBytes(in));
            Outcome o = reply.outcome();
            assertThat(o.acceptStat()).isIn(RpcReplies.SUCCESS, RpcReplies.GARBAGE_ARGS);
            if (o.success()) {
                assertThat(reply.buffer().readableBytes()).isGreaterThanOrEqualTo(12);
            }
            reply.buffer().release();
        }
    }
}
