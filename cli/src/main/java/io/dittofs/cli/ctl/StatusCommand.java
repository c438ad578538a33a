package io.dittofs.cli.ctl;

import picocli.CommandLine.Command;

@Command(name = "status", description = "Show the control plane's status (revision, counts, watchers).")
public final class StatusCommand extends CtlCommand {

    @Override
    public Integer call() {
        ctl().output().print(ctl().client().get("/api/v1/status"));
        return 0;
    }
}
