package io.dittofs.cli.bench.report;

import io.dittofs.cli.bench.run.BenchResult;

/** result.md: the settings and one table of throughput and latency per workload. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String of(BenchResult r) {
        StringBuilder b = new StringBuilder();
        var s = r.settings();
        var e = r.environment();
        b.append("# dfs bench: ").append(r.label()).append("\n\n");
        b.append("- target: `").append(r.target()).append("`\n");
        b.append("- started: ").append(r.startedAt()).append(", ").append(r.tool()).append(' ').append(r.version())
                .append("\n");
        b.append("- client: ").append(e.os()).append(' ').append(e.arch()).append(", ").append(e.cpus())
                .append(" CPUs, load average ").append(Fmt.num(e.loadAverage())).append(" at start, Java ")
                .append(e.java()).append("\n");
        b.append("- ").append(s.threads()).append(" threads x depth ").append(s.depth()).append(" = ")
                .append(s.workers()).append(" workers; ").append(s.warmup()).append(" warm-up + ")
                .append(s.iterations()).append(" measured iterations\n");
        var p = s.params();
        b.append("- sizes: file ").append(p.fileSize()).append(" B in ").append(p.blockSize())
                .append(" B blocks; random file ").append(p.randomFileSize()).append(" B, ").append(p.randomOps())
                .append(" ops; ").append(p.metaCycles()).append(" metadata cycles; ").append(p.smallFiles())
                .append(" small files; ").append(p.dirEntries()).append(" entries x ").append(p.listings())
                .append(" listings (all per worker and iteration)\n\n");
        b.append("| workload | ops/s (mean ± stddev) | MiB/s | mean µs | p50 µs | p95 µs | p99 µs | stddev µs |\n");
        b.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (var w : r.workloads()) {
            var l = w.latency();
            b.append("| ").append(w.name()).append(" | ").append(Fmt.num(w.opsPerSec().mean())).append(" ± ")
                    .append(Fmt.num(w.opsPerSec().stddev())).append(" | ").append(Fmt.num(w.mibPerSec().mean()))
                    .append(" | ").append(Fmt.num(l.meanUs())).append(" | ").append(Fmt.num(l.p50Us())).append(" | ")
                    .append(Fmt.num(l.p95Us())).append(" | ").append(Fmt.num(l.p99Us())).append(" | ")
                    .append(Fmt.num(l.stddevUs())).append(" |\n");
        }
        b.append("\nWorkloads: ");
        for (var w : r.workloads()) {
            b.append("`").append(w.name()).append("` ").append(w.description()).append("; ");
        }
        b.setLength(b.length() - 2);
        b.append(".\n\n![throughput](throughput.png)\n\n![latency](latency.png)\n");
        return b.toString();
    }
}
