package io.dittofs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Help on every command, "help share create", and the documented exit codes (2 = usage error), without a server. */
class DfsCtlHelpTest {

    record Run(int exit, String out, String err) {
    }

    static Run dfsctl(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = DfsCtl.run(args, new PrintWriter(out, true), new PrintWriter(err, true),
                Map.of("DITTOFS_SERVER", "http://127.0.0.1:1"));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void everyCommandAndSubcommandAnswersHelp() {
        List<List<String>> paths = new ArrayList<>();
        collect(new CommandLine(new DfsCtl(Map.of())), new ArrayList<>(), paths);
        assertThat(paths).as("the command tree").hasSizeGreaterThan(30);
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            Run r = dfsctl(args.toArray(String[]::new));
            assertThat(r.exit()).as(args + ": " + r.err()).isZero();
            assertThat(r.out()).as(String.join(" ", args)).contains("Usage: dfsctl " + String.join(" ", path));
        }
    }

    @Test
    void helpNamesNestedSubcommands() {
        Run r = dfsctl("help", "share", "create");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Usage: dfsctl share create", "--path", "--read-only");
        assertThat(dfsctl("help", "share").out()).contains("Usage: dfsctl share", "permission");
        assertThat(dfsctl("help").out()).contains("Usage: dfsctl", "Exit status: 0 ok, 1 refused or failed");
        Run unknown = dfsctl("help", "share", "frobnicate");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown command 'share frobnicate'");
    }

    @Test
    void usageErrorsExitTwo() {
        Run badOutput = dfsctl("-o", "xml", "share", "list");
        assertThat(badOutput.exit()).as(badOutput.err()).isEqualTo(2);
        assertThat(badOutput.err()).contains("xml").contains("TABLE, JSON, YAML");
        assertThat(dfsctl("share", "create").exit()).as("missing NAME").isEqualTo(2);
        assertThat(dfsctl("share", "list", "--bogus").exit()).isEqualTo(2);
        assertThat(dfsctl("-o", "JSON", "share", "list").exit()).as("a refusal or failure, not usage: no server").isEqualTo(1);
    }

    private static void collect(CommandLine cl, List<String> prefix, List<List<String>> out) {
        for (var e : cl.getSubcommands().entrySet()) {
            if (e.getValue().getCommandSpec().helpCommand()) {
                continue;
            }
            List<String> path = new ArrayList<>(prefix);
            path.add(e.getKey());
            out.add(path);
            collect(e.getValue(), path, out);
        }
    }
}
