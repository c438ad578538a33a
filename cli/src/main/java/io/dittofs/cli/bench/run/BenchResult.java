package io.dittofs.cli.bench.run;

import io.dittofs.cli.bench.workload.BenchParams;
import java.util.List;

/** What one {@code dfs bench} run measured; written as result.json and read back by compare. */
public record BenchResult(String tool, String version, String label, String target, String startedAt,
                          Environment environment, Settings settings, List<WorkloadResult> workloads) {

    /** The client machine; the load average says how busy it was (the server may share it). */
    public record Environment(String os, String arch, int cpus, double loadAverage, String java) {
    }

    /** {@code workers} = threads x depth: each worker is one synchronous session with one call in flight. */
    public record Settings(int threads, int depth, int workers, int warmup, int iterations, BenchParams params) {
    }

    public record Iteration(int iteration, double seconds, long operations, long bytes, double opsPerSec,
                            double mibPerSec) {
    }

    public record WorkloadResult(String name, String description, List<Iteration> iterations, Spread opsPerSec,
                                 Spread mibPerSec, LatencyStats latency) {
    }

    public WorkloadResult workload(String name) {
        return workloads.stream().filter(w -> w.name().equals(name)).findFirst().orElse(null);
    }
}
