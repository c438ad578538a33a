package io.dittofs.cli.ctl;

import static io.dittofs.cli.common.AdminClient.seg;

import io.dittofs.cli.common.Json;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "store", description = "Manage named metadata and block store definitions.", subcommands = {
        StoreCommands.ListStores.class, StoreCommands.Get.class, StoreCommands.Create.class,
        StoreCommands.Update.class, StoreCommands.Delete.class})
public final class StoreCommands {

    static String path(String role) {
        if (!role.equals("metadata") && !role.equals("block")) {
            throw new IllegalArgumentException("store role must be metadata or block (got '" + role + "')");
        }
        return "/api/v1/stores/" + role;
    }

    @Command(name = "list", description = "List stores (both roles unless one is given).")
    static final class ListStores extends CtlCommand {
        @Parameters(index = "0", arity = "0..1", paramLabel = "ROLE", description = "metadata or block") String role;

        @Override
        public Integer call() {
            ArrayNode all = Json.MAPPER.createArrayNode();
            for (String r : role != null ? new String[] {role} : new String[] {"metadata", "block"}) {
                for (JsonNode s : ctl().client().get(path(r))) {
                    ObjectNode row = Json.MAPPER.createObjectNode().put("role", r);
                    row.setAll((ObjectNode) s);
                    all.add(row);
                }
            }
            ctl().output().print(all);
            return 0;
        }
    }

    @Command(name = "get", description = "Show one store.")
    static final class Get extends CtlCommand {
        @Parameters(index = "0", paramLabel = "ROLE") String role;
        @Parameters(index = "1", paramLabel = "NAME") String name;

        @Override
        public Integer call() {
            ctl().output().print(ctl().client().get(path(role) + "/" + seg(name)));
            return 0;
        }
    }

    @Command(name = "create", description = "Define a store, e.g.: store create metadata pg --kind postgres --set url=jdbc:...")
    static final class Create extends CtlCommand {
        @Parameters(index = "0", paramLabel = "ROLE") String role;
        @Parameters(index = "1", paramLabel = "NAME") String name;
        @Option(names = "--kind", required = true, description = "metadata: memory|rocksdb|postgres; block: fs|memory[+s3|+memory]") String kind;
        @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Store setting (repeatable)") Map<String, String> settings;

        @Override
        public Integer call() {
            ctl().output().print(ctl().client().post(path(role),
                    new Body().put("name", name).put("kind", kind).put("settings", settings).node));
            return 0;
        }
    }

    @Command(name = "update", description = "Change a store's kind or settings (--set replaces all settings).")
    static final class Update extends CtlCommand {
        @Parameters(index = "0", paramLabel = "ROLE") String role;
        @Parameters(index = "1", paramLabel = "NAME") String name;
        @Option(names = "--kind") String kind;
        @Option(names = "--set", paramLabel = "KEY=VALUE") Map<String, String> settings;

        @Override
        public Integer call() {
            ctl().output().print(ctl().client().put(path(role) + "/" + seg(name),
                    new Body().put("kind", kind).put("settings", settings).node));
            return 0;
        }
    }

    @Command(name = "delete", description = "Delete a store definition no share uses.")
    static final class Delete extends CtlCommand {
        @Parameters(index = "0", paramLabel = "ROLE") String role;
        @Parameters(index = "1", paramLabel = "NAME") String name;

        @Override
        public Integer call() {
            ctl().client().delete(path(role) + "/" + seg(name));
            ctl().output().message("Deleted " + role + " store " + name + ".");
            return 0;
        }
    }
}
