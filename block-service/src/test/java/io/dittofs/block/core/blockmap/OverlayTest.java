package io.dittofs.block.core.blockmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Seeded: an overlay over a base equals a plain array the same writes went into. */
class OverlayTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void overlayOverBaseEqualsDirectWrites(long seed) {
        Random r = new Random(seed);
        int size = 4096 + r.nextInt(60_000);
        byte[] base = new byte[size];
        r.nextBytes(base);
        byte[] expect = base.clone();
        Overlay o = new Overlay();
        long written = 0;
        for (int i = 0; i < 300; i++) {
            int off = r.nextInt(size);
            int n = 1 + r.nextInt(Math.min(2000, size - off));
            byte[] data = new byte[n];
            r.nextBytes(data);
            written += o.put(off, ByteBuffer.wrap(data), n);
            System.arraycopy(data, 0, expect, off, n);
            if (i % 37 == 0) {
                o = o.copy(); // copies are independent and equal
            }
            int pos = r.nextInt(size);
            int len = r.nextInt(size - pos + 1);
            byte[] view = Arrays.copyOfRange(base, pos, pos + len);
            o.applyTo(pos, view, 0, len);
            assertThat(view).isEqualTo(Arrays.copyOfRange(expect, pos, pos + len));
        }
        byte[] all = base.clone();
        o.applyTo(0, all, 0, size);
        assertThat(all).isEqualTo(expect);
        assertThat(o.bytes()).as("held bytes = distinct bytes written").isEqualTo(differing(base, expect, o))
                .isEqualTo(written);
        assertThat(o.end()).isLessThanOrEqualTo(size);
    }

    /** Bytes covered by the overlay's ranges, computed independently of its own counter. */
    private static long differing(byte[] base, byte[] expect, Overlay o) {
        byte[] marks = new byte[base.length];
        byte[] ones = new byte[base.length];
        Arrays.fill(ones, (byte) 1);
        // apply the overlay of a copy whose ranges all hold 1s: count the marked bytes
        Overlay marker = new Overlay();
        for (var e : rangesOf(o)) {
            marker.put(e[0], ByteBuffer.wrap(ones, 0, e[1]), e[1]);
        }
        marker.applyTo(0, marks, 0, marks.length);
        long n = 0;
        for (byte b : marks) {
            n += b;
        }
        return n;
    }

    private static java.util.List<int[]> rangesOf(Overlay o) {
        java.util.List<int[]> out = new java.util.ArrayList<>();
        o.forEachRange((off, len) -> out.add(new int[] {off, len}));
        return out;
    }
}
