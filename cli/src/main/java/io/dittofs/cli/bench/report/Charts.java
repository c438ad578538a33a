package io.dittofs.cli.bench.report;

import io.dittofs.cli.bench.run.BenchResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/** PNG bar charts (XChart, headless): throughput and latency percentiles, one series per result. */
public final class Charts {

    private Charts() {
    }

    /** Writes throughput.png (ops/s per workload) and latency.png (p50/p95/p99 per workload) for one result. */
    public static void single(BenchResult r, Path dir) throws IOException {
        List<String> names = r.workloads().stream().map(BenchResult.WorkloadResult::name).toList();
        CategoryChart t = chart("Throughput: " + r.label(), "ops/s (log scale)");
        t.addSeries("ops/s", names, values(r, names, w -> w.opsPerSec().mean()));
        save(t, dir.resolve("throughput.png"));
        CategoryChart l = chart("Latency: " + r.label(), "µs (log scale)");
        l.addSeries("p50", names, values(r, names, w -> w.latency().p50Us()));
        l.addSeries("p95", names, values(r, names, w -> w.latency().p95Us()));
        l.addSeries("p99", names, values(r, names, w -> w.latency().p99Us()));
        save(l, dir.resolve("latency.png"));
    }

    /** Writes compare-throughput.png and compare-p99.png, one series per result, over the workloads of the first. */
    public static void compare(List<BenchResult> rs, Path dir) throws IOException {
        List<String> names = rs.getFirst().workloads().stream().map(BenchResult.WorkloadResult::name).toList();
        CategoryChart t = chart("Throughput", "ops/s (log scale)");
        CategoryChart l = chart("p99 latency", "µs (log scale)");
        java.util.Set<String> used = new java.util.HashSet<>();
        for (int i = 0; i < rs.size(); i++) {
            BenchResult r = rs.get(i);
            // XChart needs distinct series names; two runs may share a label
            String series = used.add(r.label()) ? r.label() : r.label() + " #" + (i + 1);
            t.addSeries(series, names, values(r, names, w -> w.opsPerSec().mean()));
            l.addSeries(series, names, values(r, names, w -> w.latency().p99Us()));
        }
        save(t, dir.resolve("compare-throughput.png"));
        save(l, dir.resolve("compare-p99.png"));
    }

    private static CategoryChart chart(String title, String yTitle) {
        System.setProperty("java.awt.headless", "true");
        CategoryChart c = new CategoryChartBuilder().width(1000).height(500).title(title).xAxisTitle("workload")
                .yAxisTitle(yTitle).build();
        c.getStyler().setYAxisLogarithmic(true);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        c.getStyler().setXAxisLabelRotation(20);
        return c;
    }

    /** Values in the order of {@code names}; a workload the result lacks (or below 0.01) charts as 0.01 for the log axis. */
    private static List<Double> values(BenchResult r, List<String> names,
                                       ToDoubleFunction<BenchResult.WorkloadResult> f) {
        List<Double> v = new ArrayList<>();
        for (String n : names) {
            var w = r.workload(n);
            v.add(w == null ? 0.01 : Math.max(0.01, f.applyAsDouble(w)));
        }
        return v;
    }

    private static void save(CategoryChart c, Path file) throws IOException {
        // XChart rejects a log axis over several bar series unless its minimum is set above zero
        double min = c.getSeriesMap().values().stream().flatMap(s -> s.getYData().stream())
                .mapToDouble(Number::doubleValue).min().orElse(1);
        c.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(min))));
        BitmapEncoder.saveBitmap(c, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
