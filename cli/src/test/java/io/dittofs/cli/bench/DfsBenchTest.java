package io.dittofs.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.cli.Dfs;
import io.dittofs.cli.bench.run.BenchResult;
import io.dittofs.cli.common.Json;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny real run of every workload on a temp directory; the files it writes and their figures. */
class DfsBenchTest {

    record Run(int exit, String out, String err) {
    }

    static Run dfs(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Dfs.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    static Run tinyBench(Path target, Path out, String label) {
        return dfs("bench", target.toString(), "--file-size", "256K", "--block-size", "16K", "--random-file-size", "64K",
                "--random-ops", "40", "--meta-cycles", "10", "--small-files", "8", "--dir-entries", "25",
                "--listings", "3", "--threads", "2", "--iterations", "3", "--warmup", "1", "--progress", "lines",
                "--label", label, "--out", out.toString());
    }

    @Test
    void tinyLocalRunWritesJsonMarkdownAndPngsWithSaneFigures(@TempDir Path tmp) throws Exception {
        Path target = Files.createDirectory(tmp.resolve("target"));
        Path out = tmp.resolve("out");
        Run r = tinyBench(target, out, "local");
        assertThat(r.exit()).as(r.err()).isZero();

        BenchResult res = Json.MAPPER.readValue(out.resolve("result.json").toFile(), BenchResult.class);
        assertThat(res.workloads()).extracting(BenchResult.WorkloadResult::name).containsExactly("seq-write",
                "seq-read", "rand-read", "rand-write", "mixed-70-30", "metadata", "small-files", "dir-list");
        assertThat(res.settings().workers()).isEqualTo(2);
        for (var w : res.workloads()) {
            assertThat(w.iterations()).as(w.name()).hasSize(3);
            assertThat(w.opsPerSec().mean()).as(w.name()).isPositive();
            var l = w.latency();
            assertThat(l.p50Us()).as(w.name()).isPositive().isLessThanOrEqualTo(l.p95Us());
            assertThat(l.p95Us()).as(w.name()).isLessThanOrEqualTo(l.p99Us());
            assertThat(l.p99Us()).as(w.name()).isLessThanOrEqualTo(l.maxUs());
            assertThat(l.count()).as(w.name()).isEqualTo(w.iterations().stream().mapToLong(BenchResult.Iteration::operations).sum());
        }
        // 2 workers x 256 KiB in 16 KiB blocks = 32 ops moving 512 KiB per iteration
        var sw = res.workload("seq-write");
        assertThat(sw.iterations()).allSatisfy(i -> {
            assertThat(i.operations()).isEqualTo(32);
            assertThat(i.bytes()).isEqualTo(2 * 256 * 1024);
        });
        assertThat(res.workload("metadata").iterations().getFirst().operations()).isEqualTo(2 * 4 * 10);
        assertThat(res.workload("small-files").iterations().getFirst().bytes()).isBetween(16L * 4096, 16L * 65536);

        String md = Files.readString(out.resolve("report.md"));
        assertThat(md).contains("# dfs bench: local", "| workload | ops/s", "| dir-list |", "![latency](latency.png)");
        for (String png : List.of("throughput.png", "latency.png")) {
            BufferedImage img = ImageIO.read(out.resolve(png).toFile());
            assertThat(img).as(png).isNotNull();
            assertThat(img.getWidth()).isEqualTo(1000);
        }
        assertThat(r.err()).contains("seq-write iteration 3/3: done, 32 ops");
        try (Stream<Path> left = Files.list(target)) {
            assertThat(left).as("the run directory is removed").isEmpty();
        }
    }

    @Test
    void compareMakesRatiosAndCharts(@TempDir Path tmp) throws Exception {
        Path target = Files.createDirectory(tmp.resolve("target"));
        for (String label : List.of("a", "b")) {
            Run r = dfs("bench", target.toString(), "-w", "metadata,dir-list", "--meta-cycles", "5", "--dir-entries",
                    "10", "--listings", "2", "--progress", "none", "-l", label, "-o", tmp.resolve(label).toString());
            assertThat(r.exit()).as(r.err()).isZero();
        }
        Path out = tmp.resolve("cmp");
        Run c = dfs("bench", "compare", tmp.resolve("a/result.json").toString(), tmp.resolve("b/result.json").toString(),
                "-o", out.toString());
        assertThat(c.exit()).as(c.err()).isZero();
        String md = Files.readString(out.resolve("compare.md"));
        assertThat(md).contains("| workload | a | b | b / a |").containsPattern("\\| metadata \\| [0-9,.]+ \\| [0-9,.]+ \\| [0-9.]+x \\|");
        assertThat(md).doesNotContain("seq-write");
        assertThat(ImageIO.read(out.resolve("compare-throughput.png").toFile())).isNotNull();
        assertThat(ImageIO.read(out.resolve("compare-p99.png").toFile())).isNotNull();
    }

    @Test
    void refusedTargetsAndBadOptionsExitTwo(@TempDir Path tmp) {
        Run smb = dfs("bench", "smb://server/share");
        assertThat(smb.exit()).isEqualTo(2);
        assertThat(smb.err()).contains("smb:// targets are not supported yet");
        assertThat(dfs("bench", "ftp://x/y").err()).contains("unknown target scheme");
        assertThat(dfs("bench", tmp.resolve("missing").toString()).exit()).isEqualTo(2);
        Run two = dfs("bench", tmp.toString(), "--iterations", "2");
        assertThat(two.exit()).isEqualTo(2);
        assertThat(two.err()).contains("--iterations must be >= 3");
        assertThat(dfs("bench", tmp.toString(), "-w", "nope").err()).contains("unknown workload 'nope'");
        assertThat(dfs("bench", "compare", tmp.resolve("x.json").toString(), tmp.resolve("y.json").toString()).exit())
                .isEqualTo(2);
    }

    @Test
    void versionIsTheBuildVersion() {
        Run v = dfs("--version");
        assertThat(v.exit()).isZero();
        assertThat(v.out().trim()).matches("dfs \\d+\\.\\d+\\.\\d+.*");
    }
}
