package io.dittofs.cli.bench.run;

import java.util.List;

/** Mean and sample standard deviation of a per-iteration figure. */
public record Spread(double mean, double stddev, double min, double max) {

    public static Spread of(List<Double> values) {
        if (values.isEmpty()) {
            return new Spread(0, 0, 0, 0);
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double sq = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        double stddev = values.size() > 1 ? Math.sqrt(sq / (values.size() - 1)) : 0;
        return new Spread(round(mean), round(stddev), round(values.stream().mapToDouble(Double::doubleValue).min().orElse(0)),
                round(values.stream().mapToDouble(Double::doubleValue).max().orElse(0)));
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
