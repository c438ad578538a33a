package io.dittofs.cli.bench.run;

import java.util.Arrays;

/** Latency of single operations in microseconds; percentiles by the nearest-rank method. */
public record LatencyStats(long count, double meanUs, double p50Us, double p95Us, double p99Us, double stddevUs,
                           double minUs, double maxUs) {

    public static LatencyStats ofNanos(long[] nanos) {
        if (nanos.length == 0) {
            return new LatencyStats(0, 0, 0, 0, 0, 0, 0, 0);
        }
        long[] s = nanos.clone();
        Arrays.sort(s);
        double sum = 0;
        for (long v : s) {
            sum += v;
        }
        double mean = sum / s.length;
        double sq = 0;
        for (long v : s) {
            sq += (v - mean) * (v - mean);
        }
        double stddev = s.length > 1 ? Math.sqrt(sq / (s.length - 1)) : 0;
        return new LatencyStats(s.length, us(mean), us(rank(s, 50)), us(rank(s, 95)), us(rank(s, 99)), us(stddev),
                us(s[0]), us(s[s.length - 1]));
    }

    static long rank(long[] sorted, double percentile) {
        int idx = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
    }

    private static double us(double nanos) {
        return Math.round(nanos / 10.0) / 100.0;
    }
}
