package io.dittofs.cli.ctl;

import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpCommandInitializable2;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code dfsctl help [COMMAND [SUBCOMMAND...]]}: the help of the named (sub)command, e.g. {@code help share create}. */
@Command(name = "help", helpCommand = true, description = "Show the help of a command, e.g. dfsctl help share create.")
public final class HelpCommand implements IHelpCommandInitializable2, Runnable {

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "A command and its subcommands")
    String[] commands = {};

    private CommandLine self;
    private Help.ColorScheme colors;

    @Override
    public void init(CommandLine helpCommandLine, Help.ColorScheme colorScheme, PrintWriter out, PrintWriter err) {
        this.self = helpCommandLine;
        this.colors = colorScheme;
    }

    @Override
    public void run() {
        CommandLine target = self.getParent();
        for (int i = 0; i < commands.length; i++) {
            CommandLine sub = target.getSubcommands().get(commands[i]);
            if (sub == null) {
                throw new ParameterException(self, "unknown command '"
                        + String.join(" ", Arrays.copyOf(commands, i + 1)) + "'; see: dfsctl --help");
            }
            target = sub;
        }
        target.usage(self.getOut(), colors);
    }
}
