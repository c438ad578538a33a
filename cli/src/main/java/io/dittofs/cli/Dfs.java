package io.dittofs.cli;

import io.dittofs.cli.bench.cmd.BenchCommand;
import io.dittofs.cli.common.Version;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** dfs: user-side DittoFS tools; today {@code dfs bench}. */
@Command(name = "dfs", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "DittoFS client tools.", subcommands = {BenchCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit status: 0 ok, 1 failed, 2 usage error or unsupported target."})
public final class Dfs {

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Dfs());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            err.println("error: " + e.getMessage());
            err.flush();
            return e instanceof IllegalArgumentException
                    || e instanceof io.dittofs.cli.bench.target.BenchTarget.UnsupportedTargetException ? 2 : 1;
        });
        return cl.execute(args);
    }
}
