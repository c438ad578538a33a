package io.dittofs.cli.bench.report;

import io.dittofs.cli.bench.run.BenchResult;
import java.util.List;

/** compare.md: results side by side per workload, with ratios to the first (the baseline). */
public final class CompareReport {

    private CompareReport() {
    }

    public static String of(List<BenchResult> rs) {
        BenchResult base = rs.getFirst();
        StringBuilder b = new StringBuilder("# dfs bench compare\n\nBaseline: **").append(base.label())
                .append("**; ratios are result / baseline (throughput: higher is better; latency: lower is better).\n\n");
        for (BenchResult r : rs) {
            var e = r.environment();
            var s = r.settings();
            b.append("- **").append(r.label()).append("**: `").append(r.target()).append("`, ").append(r.startedAt())
                    .append(", ").append(s.workers()).append(" workers, ").append(s.iterations())
                    .append(" iterations, client load average ").append(Fmt.num(e.loadAverage())).append("\n");
        }
        b.append("\n## Throughput (ops/s, mean of iterations)\n\n");
        table(b, rs, true);
        b.append("\n## p99 latency (µs)\n\n");
        table(b, rs, false);
        b.append("\n![throughput](compare-throughput.png)\n\n![p99 latency](compare-p99.png)\n");
        return b.toString();
    }

    private static void table(StringBuilder b, List<BenchResult> rs, boolean throughput) {
        BenchResult base = rs.getFirst();
        b.append("| workload |");
        for (BenchResult r : rs) {
            b.append(' ').append(r.label()).append(" |");
        }
        for (int i = 1; i < rs.size(); i++) {
            b.append(' ').append(rs.get(i).label()).append(" / ").append(base.label()).append(" |");
        }
        b.append("\n|---|");
        b.append("---:|".repeat(2 * rs.size() - 1)).append('\n');
        for (var w : base.workloads()) {
            double bv = value(w, throughput);
            b.append("| ").append(w.name()).append(" |");
            for (BenchResult r : rs) {
                var o = r.workload(w.name());
                b.append(' ').append(o == null ? "—" : Fmt.num(value(o, throughput))).append(" |");
            }
            for (int i = 1; i < rs.size(); i++) {
                var o = rs.get(i).workload(w.name());
                b.append(' ').append(o == null ? "—" : Fmt.ratio(value(o, throughput), bv)).append(" |");
            }
            b.append('\n');
        }
    }

    private static double value(BenchResult.WorkloadResult w, boolean throughput) {
        return throughput ? w.opsPerSec().mean() : w.latency().p99Us();
    }
}
