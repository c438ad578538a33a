package io.dittofs.lock.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RangeTest {

    @Test
    void lengthZeroAndOverflowMeanToTheEnd() {
        assertThat(Range.of(10, 0)).isEqualTo(new Range(10, Range.MAX));
        assertThat(Range.of(10, -1L)).isEqualTo(new Range(10, Range.MAX)); // NFSv4 length 2^64-1
        assertThat(Range.of(-2L, 5)).isEqualTo(new Range(-2L, Range.MAX));
        assertThat(Range.of(10, 0).length()).isZero();
        assertThat(Range.of(10, 5).length()).isEqualTo(5);
    }

    @Test
    void minusSplitsAndKeepsTheOutside() {
        assertThat(Range.of(0, 100).minus(Range.of(40, 20))).containsExactly(Range.of(0, 40), Range.of(60, 40));
        assertThat(Range.of(0, 100).minus(Range.of(0, 0))).isEmpty();
        assertThat(Range.of(50, 0).minus(Range.of(60, 10))).containsExactly(Range.of(50, 10), Range.of(70, 0));
        assertThat(Range.of(0, 10).minus(Range.of(10, 10))).containsExactly(Range.of(0, 10));
    }

    @Test
    void touchingIsAdjacentOrOverlapping() {
        assertThat(Range.of(0, 10).touches(Range.of(10, 5))).isTrue();
        assertThat(Range.of(0, 10).overlaps(Range.of(10, 5))).isFalse();
        assertThat(Range.of(0, 10).touches(Range.of(11, 5))).isFalse();
        assertThat(Range.of(5, 0).touches(Range.of(0, 5))).isTrue();
    }

    /** Seeded: byte-by-byte membership agrees with overlaps/minus on small ranges. */
    @Test
    void algebraAgreesWithMembership() {
        Random rnd = new Random(42);
        for (int i = 0; i < 5000; i++) {
            Range a = Range.of(rnd.nextInt(40), 1 + rnd.nextInt(40));
            Range b = Range.of(rnd.nextInt(40), 1 + rnd.nextInt(40));
            boolean anyCommon = false;
            for (long x = 0; x < 90; x++) {
                boolean inA = x >= a.start() && x <= a.last();
                boolean inB = x >= b.start() && x <= b.last();
                anyCommon |= inA && inB;
                long fx = x;
                boolean inMinus = a.minus(b).stream().anyMatch(r -> fx >= r.start() && fx <= r.last());
                assertThat(inMinus).as("%s minus %s at %d", a, b, x).isEqualTo(inA && !inB);
            }
            assertThat(a.overlaps(b)).isEqualTo(anyCommon);
        }
    }
}
