package io.dittofs.cli.ctl;

import io.dittofs.cli.common.ApiException;
import picocli.CommandLine.Command;

@Command(name = "logout", description = "Revoke the session on the server and forget the tokens.")
public final class LogoutCommand extends CtlCommand {

    @Override
    public Integer call() {
        if (ctl().credentials().load().isEmpty()) {
            spec.commandLine().getOut().println("Not logged in.");
            return 0;
        }
        try {
            ctl().client().post("/api/v1/auth/logout", null);
        } catch (ApiException e) {
            // the tokens are forgotten below in any case; say why the server did not confirm
            spec.commandLine().getErr().println("warning: the server did not confirm the logout: " + e.getMessage());
        }
        ctl().credentials().delete();
        spec.commandLine().getOut().println("Logged out.");
        return 0;
    }
}
