package io.dittofs.cli.ctl;

import static io.dittofs.cli.common.AdminClient.seg;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "adapter", description = "Manage the gateway's protocol adapters (nfs, smb).", subcommands = {
        AdapterCommands.ListAdapters.class, AdapterCommands.Get.class, AdapterCommands.Create.class,
        AdapterCommands.Update.class, AdapterCommands.Delete.class})
public final class AdapterCommands {

    static final String PATH = "/api/v1/adapters";

    @Command(name = "list", description = "List adapters.")
    static final class ListAdapters extends CtlCommand {
        @Override
        public Integer call() {
            ctl().output().print(ctl().client().get(PATH));
            return 0;
        }
    }

    @Command(name = "get", description = "Show one adapter.")
    static final class Get extends CtlCommand {
        @Parameters(index = "0", paramLabel = "KIND") String kind;

        @Override
        public Integer call() {
            ctl().output().print(ctl().client().get(PATH + "/" + seg(kind)));
            return 0;
        }
    }

    static class Fields {
        @Option(names = "--enabled", arity = "1", paramLabel = "true|false") Boolean enabled;
        @Option(names = "--port") Integer port;
        @Option(names = "--min-version", description = "nfs: 3, 4.0, 4.1, 4.2; smb: 2.0.2, 2.1, 3.0, 3.0.2, 3.1.1") String minVersion;
        @Option(names = "--max-version") String maxVersion;
        @Option(names = "--lease-seconds") Integer leaseSeconds;
        @Option(names = "--grace-seconds") Integer graceSeconds;
        @Option(names = "--portmap-port", description = "nfs only; 0 = off") Integer portmapPort;

        Body body() {
            return new Body().put("enabled", enabled).put("port", port).put("minVersion", minVersion)
                    .put("maxVersion", maxVersion).put("leaseSeconds", leaseSeconds).put("graceSeconds", graceSeconds)
                    .put("portmapPort", portmapPort);
        }
    }

    @Command(name = "create", description = "Add an adapter.")
    static final class Create extends CtlCommand {
        @Parameters(index = "0", paramLabel = "KIND", description = "nfs or smb") String kind;
        @Mixin Fields fields;

        @Override
        public Integer call() {
            ctl().output().print(ctl().client().post(PATH, fields.body().put("kind", kind).node));
            return 0;
        }
    }

    @Command(name = "update", description = "Change an adapter (only the given options).")
    static final class Update extends CtlCommand {
        @Parameters(index = "0", paramLabel = "KIND") String kind;
        @Mixin Fields fields;

        @Override
        public Integer call() {
            ctl().output().print(ctl().client().put(PATH + "/" + seg(kind), fields.body().node));
            return 0;
        }
    }

    @Command(name = "delete", description = "Remove an adapter (gateways stop that listener).")
    static final class Delete extends CtlCommand {
        @Parameters(index = "0", paramLabel = "KIND") String kind;

        @Override
        public Integer call() {
            ctl().client().delete(PATH + "/" + seg(kind));
            ctl().output().message("Deleted adapter " + kind + ".");
            return 0;
        }
    }
}
