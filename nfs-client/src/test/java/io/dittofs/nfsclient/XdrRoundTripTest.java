package io.dittofs.nfsclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

class XdrRoundTripTest {

    @Test
    void valuesRoundTripWithPadding() {
        byte[] b = new XdrOut().writeInt(-7).writeLong(1L << 40).writeBool(true).writeString("abcde").writeOpaque(new byte[3])
                .toByteArray();
        assertThat(b.length % 4).isZero();
        XdrIn in = new XdrIn(b);
        assertThat(in.readInt()).isEqualTo(-7);
        assertThat(in.readLong()).isEqualTo(1L << 40);
        assertThat(in.readBool()).isTrue();
        assertThat(in.readString()).isEqualTo("abcde");
        assertThat(in.readOpaque()).hasSize(3);
        assertThat(in.remaining()).isZero();
    }

    @Test
    void lyingLengthIsAnRpcExceptionNotAnAllocation() {
        byte[] b = new XdrOut().writeInt(0x7fffffff).toByteArray();
        assertThatThrownBy(() -> new XdrIn(b).readOpaque()).isInstanceOf(RpcException.class);
    }

    @Test
    void multiFragmentRecordsAreReassembled() throws IOException {
        ByteBuffer bb = ByteBuffer.allocate(4 + 3 + 4 + 2);
        bb.putInt(3).put(new byte[] {1, 2, 3}).putInt(0x80000002).put(new byte[] {4, 5});
        assertThat(RpcClient.readRecord(new ByteArrayInputStream(bb.array()))).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void randomRepliesNeverThrowAnythingButRpcException() {
        Random rnd = new Random(42);
        for (int i = 0; i < 5000; i++) {
            byte[] b = new byte[rnd.nextInt(64)];
            rnd.nextBytes(b);
            XdrIn in = new XdrIn(b);
            try {
                while (true) {
                    switch (rnd.nextInt(4)) {
                        case 0 -> in.readInt();
                        case 1 -> in.readOpaque();
                        case 2 -> Fattr.postOp(in);
                        default -> in.readString();
                    }
                }
            } catch (RpcException expected) {
                // the only allowed failure
            }
        }
    }
}
