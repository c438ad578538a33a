package io.dittofs.cli.ctl;

import io.dittofs.cli.common.Json;
import io.dittofs.cli.common.Output;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "status", description = {"Show the control plane's status (revision, counts, watchers) and the health "
        + "of every service: the control plane's own, and each management URL given with --service or "
        + "$DITTOFS_MANAGEMENT_URLS (NAME=URL,...), e.g. gateway=http://127.0.0.1:8081."})
public final class StatusCommand extends CtlCommand {

    @Option(names = "--service", paramLabel = "NAME=URL",
            description = "a service's management URL (its dittofs.management.port); repeatable")
    Map<String, String> services = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        JsonNode status = ctl().client().get("/api/v1/status");
        ArrayNode health = Json.MAPPER.createArrayNode();
        HealthProbe probe = new HealthProbe();
        health.add(probe.row("control-plane", ctl().serverUrl()));
        for (var e : targets().entrySet()) {
            health.add(probe.row(e.getKey(), e.getValue()));
        }
        Output out = ctl().output();
        if (ctl().outputFormat() == Output.Format.TABLE) {
            out.print(status);
            out.message("");
            out.print(health);
        } else {
            ObjectNode doc = status.isObject() ? ((ObjectNode) status).deepCopy() : Json.MAPPER.createObjectNode();
            doc.set("health", health);
            out.print(doc);
        }
        return 0;
    }

    private Map<String, String> targets() {
        Map<String, String> all = new LinkedHashMap<>();
        String env = ctl().env("DITTOFS_MANAGEMENT_URLS");
        if (env != null && !env.isBlank()) {
            for (String pair : List.of(env.split(","))) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("DITTOFS_MANAGEMENT_URLS entry '" + pair
                            + "' is not NAME=URL (e.g. gateway=http://127.0.0.1:8081)");
                }
                all.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        all.putAll(services);
        return all;
    }
}
