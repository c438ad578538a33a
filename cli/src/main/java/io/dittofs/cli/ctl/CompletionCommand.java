package io.dittofs.cli.ctl;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "completion", description = "Print a shell completion script: source <(dfsctl completion bash)")
public final class CompletionCommand extends CtlCommand {

    @Parameters(index = "0", description = "Shell: bash (zsh works with bashcompinit)")
    String shell;

    @Override
    public Integer call() {
        if (!shell.equals("bash") && !shell.equals("zsh")) {
            throw new IllegalArgumentException("completion is available for bash and zsh");
        }
        spec.commandLine().getOut().print(AutoComplete.bash("dfsctl", spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
