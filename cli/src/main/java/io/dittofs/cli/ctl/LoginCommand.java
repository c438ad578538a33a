package io.dittofs.cli.ctl;

import io.dittofs.cli.common.AdminClient;
import io.dittofs.cli.common.Credentials;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

@Command(name = "login", description = "Log in and keep the tokens in the config directory.")
public final class LoginCommand extends CtlCommand {

    @Option(names = {"-u", "--username"}, required = true, description = "User name (local or from the identity provider)")
    String username;

    @Option(names = {"-p", "--password"}, description = "Password (visible in the process list; prefer the prompt or --password-stdin)")
    String password;

    @Option(names = "--password-stdin", description = "Read the password from standard input")
    boolean passwordStdin;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "0",
            description = "Wait up to SECONDS for the server to start and be ready (e.g. right after ./dittofs &)")
    int waitSeconds;

    @Override
    public Integer call() throws IOException, InterruptedException {
        String pw = password;
        if (pw == null && passwordStdin) {
            pw = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        if (pw == null) {
            Console console = System.console();
            if (console == null) {
                throw new IllegalArgumentException("no password: give --password, --password-stdin or run on a terminal");
            }
            char[] typed = console.readPassword("Password for %s: ", username);
            pw = typed == null ? "" : new String(typed);
        }
        AdminClient client = ctl().client();
        if (waitSeconds > 0 && !client.awaitReady(Duration.ofSeconds(waitSeconds), () -> spec.commandLine().getErr()
                .println("Waiting up to " + waitSeconds + " s for " + client.server() + " to be ready..."))) {
            throw new IllegalStateException(client.server() + " was not ready within " + waitSeconds + " s");
        }
        JsonNode tokens = client.postAnonymous("/api/v1/auth/login",
                new Body().put("username", username).put("password", pw).node);
        ctl().credentials().save(new Credentials.Saved(client.server(), tokens.get("accessToken").asString(),
                tokens.get("refreshToken").asString(), username));
        spec.commandLine().getOut().println("Logged in to " + client.server() + " as " + username + ".");
        if (tokens.get("mustChangePassword").asBoolean()) {
            spec.commandLine().getOut().println("The password must be changed first: dfsctl user passwd " + username);
        }
        return 0;
    }
}
