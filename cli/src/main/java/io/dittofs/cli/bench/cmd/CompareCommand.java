package io.dittofs.cli.bench.cmd;

import io.dittofs.cli.bench.report.Charts;
import io.dittofs.cli.bench.report.CompareReport;
import io.dittofs.cli.bench.run.BenchResult;
import io.dittofs.cli.common.Json;
import io.dittofs.cli.common.Version;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.core.JacksonException;

@Command(name = "compare", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Put result.json files side by side with ratios to the first (the baseline).",
                "Writes compare.md, compare-throughput.png and compare-p99.png into --out and prints the markdown."})
public final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "2..*", paramLabel = "RESULT.json", description = "result files; the first is the baseline")
    List<Path> files;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "bench-compare",
            description = "output directory (default: ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() throws Exception {
        List<BenchResult> rs = new ArrayList<>();
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new IllegalArgumentException("result file " + f + " does not exist");
            }
            try {
                rs.add(Json.MAPPER.readValue(f.toFile(), BenchResult.class));
            } catch (JacksonException e) {
                throw new IllegalArgumentException(f + " is not a dfs bench result.json: " + e.getOriginalMessage());
            }
        }
        Files.createDirectories(out);
        String md = CompareReport.of(rs);
        Files.writeString(out.resolve("compare.md"), md);
        Charts.compare(rs, out);
        var o = spec.commandLine().getOut();
        o.print(md);
        o.println();
        o.println("written: " + out.resolve("compare.md") + ", compare-throughput.png, compare-p99.png");
        o.flush();
        return 0;
    }
}
