package io.dittofs.cli.bench.cmd;

import io.dittofs.cli.bench.report.Charts;
import io.dittofs.cli.bench.report.MarkdownReport;
import io.dittofs.cli.bench.run.BenchResult;
import io.dittofs.cli.bench.run.Progress;
import io.dittofs.cli.bench.run.Progresses;
import io.dittofs.cli.bench.run.Runner;
import io.dittofs.cli.bench.target.BenchTarget;
import io.dittofs.cli.bench.target.NfsTarget;
import io.dittofs.cli.bench.workload.BenchParams;
import io.dittofs.cli.bench.workload.Workloads;
import io.dittofs.cli.common.Json;
import io.dittofs.cli.common.Version;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Benchmark a file server: sequential and random I/O, metadata, small files, listings.",
                "TARGET is a directory (any mounted file system) or nfs://host[:port]/share (the project's own "
                        + "NFSv3 client, no mount). smb:// is not supported yet.",
                "Writes result.json, report.md, throughput.png and latency.png into --out."},
        subcommands = CompareCommand.class)
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "TARGET", description = "directory path or nfs://host[:port]/share")
    String target;

    @Option(names = {"-t", "--threads"}, defaultValue = "1", description = "client threads (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = {"-d", "--depth"}, defaultValue = "1",
            description = "operations in flight per thread; each is its own session/connection (default: ${DEFAULT-VALUE})")
    int depth;

    @Option(names = {"-i", "--iterations"}, defaultValue = "3", description = "measured iterations, >= 3 (default: ${DEFAULT-VALUE})")
    int iterations;

    @Option(names = "--warmup", defaultValue = "1", description = "warm-up iterations, not reported (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = {"-w", "--workloads"}, split = ",", paramLabel = "NAME",
            description = "comma-separated subset of: seq-write, seq-read, rand-read, rand-write, mixed-70-30, "
                    + "metadata, small-files, dir-list (default: all)")
    List<String> workloads;

    @Option(names = "--file-size", defaultValue = "64M", converter = SizeConverter.class,
            description = "sequential file per worker (default: ${DEFAULT-VALUE})")
    long fileSize;

    @Option(names = "--block-size", defaultValue = "64K", converter = SizeConverter.class,
            description = "bytes per sequential call (default: ${DEFAULT-VALUE})")
    long blockSize;

    @Option(names = "--random-file-size", defaultValue = "16M", converter = SizeConverter.class,
            description = "file random I/O runs on, per worker (default: ${DEFAULT-VALUE})")
    long randomFileSize;

    @Option(names = "--random-ops", defaultValue = "2000", description = "4 KiB operations per random workload (default: ${DEFAULT-VALUE})")
    int randomOps;

    @Option(names = "--meta-cycles", defaultValue = "500", description = "create/stat/rename/unlink cycles (default: ${DEFAULT-VALUE})")
    int metaCycles;

    @Option(names = "--small-files", defaultValue = "500", description = "4-64 KiB files written (default: ${DEFAULT-VALUE})")
    int smallFiles;

    @Option(names = "--dir-entries", defaultValue = "2000", description = "entries in the listed directory (default: ${DEFAULT-VALUE})")
    int dirEntries;

    @Option(names = "--listings", defaultValue = "20", description = "complete listings (default: ${DEFAULT-VALUE})")
    int listings;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "output directory (default: bench-results/LABEL-TIME)")
    Path out;

    @Option(names = {"-l", "--label"}, description = "name of this run in reports (default: the target)")
    String label;

    @Option(names = "--progress", defaultValue = "auto",
            description = "auto (a bar on a terminal, plain lines otherwise), bar, lines or none (default: ${DEFAULT-VALUE})")
    Progresses.Mode progressMode;

    @Option(names = "--uid", defaultValue = "0", description = "nfs://: AUTH_SYS uid (default: ${DEFAULT-VALUE})")
    int uid;

    @Option(names = "--gid", defaultValue = "0", description = "nfs://: AUTH_SYS gid (default: ${DEFAULT-VALUE})")
    int gid;

    @Option(names = "--mount-port", defaultValue = "0", description = "nfs://: MOUNT port (default: the NFS port)")
    int mountPort;

    @Option(names = "--seed", defaultValue = "42", description = "random seed for offsets and sizes (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (target == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "Missing TARGET: a directory or nfs://host[:port]/share (or the compare subcommand)");
        }
        if (threads < 1 || depth < 1) {
            throw new IllegalArgumentException("--threads and --depth must be >= 1");
        }
        if (iterations < 3 || warmup < 0) {
            throw new IllegalArgumentException("--iterations must be >= 3 and --warmup >= 0");
        }
        if (blockSize > 16L << 20) {
            throw new IllegalArgumentException("--block-size must be at most 16M");
        }
        BenchParams params = new BenchParams(fileSize, (int) blockSize, randomFileSize, randomOps, metaCycles,
                smallFiles, dirEntries, listings);
        var selected = Workloads.select(workloads);
        BenchTarget t = BenchTarget.parse(target, new NfsTarget.Options(uid, gid, mountPort));
        String name = label != null ? label : t.describe();
        Instant started = Instant.now();
        Path dir = out != null ? out : Path.of("bench-results", slug(name) + "-"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(started));
        Files.createDirectories(dir);
        int workers = threads * depth;
        var os = ManagementFactory.getOperatingSystemMXBean();
        var env = new BenchResult.Environment(System.getProperty("os.name"), System.getProperty("os.arch"),
                os.getAvailableProcessors(), Math.round(os.getSystemLoadAverage() * 100) / 100.0,
                System.getProperty("java.version"));
        var err = spec.commandLine().getErr();
        err.printf("dfs bench: %s, %d workloads, %d workers, %d warm-up + %d iterations -> %s%n", t.describe(),
                selected.size(), workers, warmup, iterations, dir);
        err.flush();
        List<BenchResult.WorkloadResult> results;
        try (Progress progress = Progresses.create(progressMode, System.err, err)) {
            results = new Runner(t, params, workers, warmup, iterations, progress, seed).run(selected);
        }
        var result = new BenchResult("dfs bench", Version.current(), name, t.describe(), started.toString(), env,
                new BenchResult.Settings(threads, depth, workers, warmup, iterations, params), results);
        Json.MAPPER.writeValue(dir.resolve("result.json").toFile(), result);
        String md = MarkdownReport.of(result);
        Files.writeString(dir.resolve("report.md"), md);
        Charts.single(result, dir);
        var o = spec.commandLine().getOut();
        o.print(md);
        o.println();
        o.println("written: " + dir.resolve("result.json") + ", report.md, throughput.png, latency.png");
        o.flush();
        return 0;
    }

    static String slug(String s) {
        String v = s.replaceAll("^[a-z]+://", "").replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return v.isEmpty() ? "run" : v;
    }
}
