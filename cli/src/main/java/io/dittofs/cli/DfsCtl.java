package io.dittofs.cli;

import io.dittofs.cli.common.AdminClient;
import io.dittofs.cli.common.Credentials;
import io.dittofs.cli.common.Output;
import io.dittofs.cli.ctl.AdapterCommands;
import io.dittofs.cli.ctl.CompletionCommand;
import io.dittofs.cli.ctl.HelpCommand;
import io.dittofs.cli.ctl.GroupCommands;
import io.dittofs.cli.ctl.IdpCommands;
import io.dittofs.cli.ctl.LoginCommand;
import io.dittofs.cli.ctl.LogoutCommand;
import io.dittofs.cli.ctl.ShareCommands;
import io.dittofs.cli.ctl.StatusCommand;
import io.dittofs.cli.ctl.StoreCommands;
import io.dittofs.cli.ctl.UserCommands;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * dfsctl: the DittoFS admin CLI. Global options are inherited by every subcommand, so they may
 * come anywhere on the line. New tools (e.g. bench) join as further subcommands.
 */
@Command(name = "dfsctl", mixinStandardHelpOptions = true, versionProvider = io.dittofs.cli.common.Version.class,
        description = "Manage a DittoFS suite through its admin API.",
        subcommands = {LoginCommand.class, LogoutCommand.class, StatusCommand.class, UserCommands.class,
                GroupCommands.class, ShareCommands.class, StoreCommands.class, AdapterCommands.class,
                IdpCommands.class, CompletionCommand.class, HelpCommand.class},
        footer = {"", "Every command takes --help; dfsctl help COMMAND [SUBCOMMAND] shows the same.",
                "Exit status: 0 ok, 1 refused or failed (the server's reason on stderr), 2 usage error."})
public final class DfsCtl {

    public static final String DEFAULT_SERVER = "http://127.0.0.1:8080";

    @Option(names = {"-s", "--server"}, scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "Admin API URL (default: $DITTOFS_SERVER, then the server of the last login, then " + DEFAULT_SERVER + ")")
    String server;

    @Option(names = "--config-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Where the login is kept (default: $XDG_CONFIG_HOME/dittofs or ~/.config/dittofs)")
    Path configDir;

    @Option(names = {"-o", "--output"}, scope = ScopeType.INHERIT, paramLabel = "FORMAT", defaultValue = "table",
            description = "table, json or yaml (default: table)")
    Output.Format output;

    private final Map<String, String> env;
    private PrintWriter out;

    public DfsCtl(Map<String, String> env) {
        this.env = env;
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.getenv()));
    }

    /** Runs one command line; returns the exit code (0 ok, 1 refused or failed, 2 usage). */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
        DfsCtl root = new DfsCtl(env);
        root.out = out;
        CommandLine cl = new CommandLine(root);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        withHelpOptions(cl, cl.getCommandSpec().version());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            err.println("error: " + e.getMessage());
            err.flush();
            return 1;
        });
        return cl.execute(args);
    }

    /** --help (and --version) on every subcommand, not only on dfsctl itself. */
    private static void withHelpOptions(CommandLine cl, String[] version) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (!sub.getCommandSpec().helpCommand() && !sub.getCommandSpec().mixinStandardHelpOptions()) {
                sub.getCommandSpec().mixinStandardHelpOptions(true);
                sub.getCommandSpec().version(version);
            }
            withHelpOptions(sub, version);
        }
    }

    public Path configDir() {
        if (configDir != null) {
            return configDir;
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("dittofs");
    }

    public Credentials credentials() {
        return new Credentials(configDir());
    }

    public String serverUrl() {
        if (server != null) {
            return server;
        }
        String fromEnv = env.get("DITTOFS_SERVER");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        return credentials().load().map(Credentials.Saved::server).orElse(DEFAULT_SERVER);
    }

    public AdminClient client() {
        return new AdminClient(serverUrl(), credentials());
    }

    public Output.Format outputFormat() {
        return output;
    }

    public String env(String name) {
        return env.get(name);
    }

    public Output output() {
        return new Output(output, out);
    }
}
