package io.dittofs.gateway.smb.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Compound response assembly: every member 8-byte padded (the last too), NextCommand chained; a lone response as is. */
class RepliesTest {

    /** A 64-byte header plus a READ response of 3 bytes: 83 bytes. */
    private static byte[] read3() {
        byte[] m = new byte[83];
        m[0] = (byte) 0xFE;
        m[1] = 'S';
        m[2] = 'M';
        m[3] = 'B';
        return m;
    }

    private static int nextCommand(byte[] frame, int at) {
        return ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN).getInt(at + 20);
    }

    @Test
    void everyResponseOfACompoundIsPaddedTheLastToo() {
        byte[] frame = Replies.assemble(List.of(new Reply(read3(), null), new Reply(read3(), null)));
        assertThat(frame).hasSize(88 + 88);
        assertThat(nextCommand(frame, 0)).isEqualTo(88);
        assertThat(nextCommand(frame, 88)).as("the last has no next").isZero();
    }

    @Test
    void aLoneResponseIsNotPadded() {
        assertThat(Replies.assemble(List.of(new Reply(read3(), null)))).hasSize(83);
    }
}
