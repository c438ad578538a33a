package io.dittofs.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.cli.bench.run.LatencyStats;
import java.util.Collections;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencyStatsTest {

    @Test
    void nearestRankPercentilesMeanAndStddevOfOneToHundredMicroseconds() {
        List<Long> v = new java.util.ArrayList<>(LongStream.rangeClosed(1, 100).map(i -> i * 1000).boxed().toList());
        Collections.shuffle(v, new java.util.Random(1));
        LatencyStats s = LatencyStats.ofNanos(v.stream().mapToLong(Long::longValue).toArray());
        assertThat(s.count()).isEqualTo(100);
        assertThat(s.p50Us()).isEqualTo(50.0);
        assertThat(s.p95Us()).isEqualTo(95.0);
        assertThat(s.p99Us()).isEqualTo(99.0);
        assertThat(s.meanUs()).isEqualTo(50.5);
        assertThat(s.stddevUs()).isEqualTo(29.01); // sample stddev of 1..100
        assertThat(s.minUs()).isEqualTo(1.0);
        assertThat(s.maxUs()).isEqualTo(100.0);
    }

    @Test
    void emptyAndSingle() {
        assertThat(LatencyStats.ofNanos(new long[0]).count()).isZero();
        LatencyStats one = LatencyStats.ofNanos(new long[] {2500});
        assertThat(one.p99Us()).isEqualTo(2.5);
        assertThat(one.stddevUs()).isZero();
    }
}
