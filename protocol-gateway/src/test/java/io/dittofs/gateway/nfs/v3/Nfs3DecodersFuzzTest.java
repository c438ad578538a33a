package io.dittofs.gateway.nfs.v3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every NFSv3 argument decoder, fed random and mutated input: the only failure allowed is a
 * checked XdrException, and no decoder allocates from a length the input cannot back.
 */
class Nfs3DecodersFuzzTest {

    static IntStream procedures() {
        return IntStream.range(0, Nfs3Program.PROCEDURES.size());
    }

    /** A plausible argument body: handle-like opaques, names, counters, sattr3-shaped words. */
    static byte[] plausible(Random rnd) {
        ByteBuf b = Unpooled.buffer();
        XdrWriter w = new XdrWriter(b);
        for (int i = 0; i < 12; i++) {
            switch (rnd.nextInt(8)) {
                case 0 -> {
                    byte[] h = new byte[1 + rnd.nextInt(64)];
                    rnd.nextBytes(h);
                    h[0] = 1;
                    w.writeOpaque(h);
                }
                case 1 -> w.writeString("name" + rnd.nextInt(100));
                case 2 -> w.writeLong(rnd.nextLong());
                default -> w.writeInt(rnd.nextInt(2));
            }
        }
        byte[] out = new byte[b.readableBytes()];
        b.readBytes(out);
        return out;
    }

    @ParameterizedTest
    @MethodSource("procedures")
    void randomInputOnlyEverFailsWithXdrException(int proc) {
        Nfs3Procedure<?> p = Nfs3Program.PROCEDURES.get(proc);
        Random rnd = new Random(1000 + proc);
        int decoded = 0;
        for (int i = 0; i < 5000; i++) {
            byte[] b;
            switch (rnd.nextInt(3)) {
                case 0 -> {
                    b = new byte[rnd.nextInt(300)];
                    rnd.nextBytes(b);
                }
                case 1 -> b = plausible(rnd);
                default -> {
                    b = plausible(rnd);
                    for (int m = rnd.nextInt(6); m >= 0; m--) {
                        b[rnd.nextInt(b.length)] = (byte) rnd.nextInt();
                    }
                    b = Arrays.copyOf(b, rnd.nextInt(b.length + 1));
                }
            }
            try {
                assertThat((Object) p.decode(new XdrReader(Unpooled.wrappedBuffer(b)))).isNotNull();
                decoded++;
            } catch (XdrException expected) {
                // GARBAGE_ARGS
            }
        }
        if (proc != 0) {
            assertThat(decoded).as("some plausible inputs decode").isPositive();
        }
    }

    @ParameterizedTest
    @MethodSource("procedures")
    void hugeLengthFieldsAreRefusedNotAllocated(int proc) {
        Nfs3Procedure<?> p = Nfs3Program.PROCEDURES.get(proc);
        if (proc == 0) {
            return;
        }
        // a handle of 2^31-1 bytes announced with 8 bytes behind it
        ByteBuf b = Unpooled.buffer().writeInt(0x7fffffff).writeLong(0);
        assertThatThrownBy(() -> p.decode(new XdrReader(b))).isInstanceOf(XdrException.class);
        // a valid handle followed by a name that claims 2^31-1 bytes
        ByteBuf c = Unpooled.buffer().writeInt(8).writeBytes(new byte[] {1, 0, 0, 0, 1, 9, 9, 9}).writeInt(0x7fffffff)
                .writeInt(0);
        try {
            p.decode(new XdrReader(c));
        } catch (XdrException expected) {
            return;
        }
        // procedures whose second field is a number (READ, WRITE, ACCESS, ...) may decode or fail; never throw unchecked
    }
}
