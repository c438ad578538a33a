package io.dittofs.cli.ctl;

import static io.dittofs.cli.common.AdminClient.seg;

import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "share", description = "Manage shares and their permissions.", subcommands = {
        ShareCommands.ListShares.class, ShareCommands.Get.class, ShareCommands.Create.class, ShareCommands.Update.class,
        ShareCommands.Delete.class, ShareCommands.Permission.class})
public final class ShareCommands {

    static final String PATH = "/api/v1/shares";

    @Command(name = "list", description = "List shares.")
    static final class ListShares extends CtlCommand {
        @Override
        public Integer call() {
            ctl().output().print(ctl().client().get(PATH));
            return 0;
        }
    }

    @Command(name = "get", description = "Show one share.")
    static final class Get extends CtlCommand {
        @Parameters(index = "0", paramLabel = "NAME") String name;

        @Override
        public Integer call() {
            ctl().output().print(ctl().client().get(PATH + "/" + seg(name)));
            return 0;
        }
    }

    static class Fields {
        @Option(names = "--path", description = "Export path (default /NAME)") String exportPath;
        @Option(names = "--metadata-store", description = "Metadata store name (default: default)") String metadataStore;
        @Option(names = "--block-store", description = "Block store name (default: default)") String blockStore;
        @Option(names = "--read-only", arity = "0..1", fallbackValue = "true", paramLabel = "true|false") Boolean readOnly;
        @Option(names = "--squash", description = "NONE, ROOT or ALL") String squash;
        @Option(names = "--anon-uid") Long anonymousUid;
        @Option(names = "--anon-gid") Long anonymousGid;
        @Option(names = "--network", paramLabel = "CIDR", description = "Allowed client network (repeatable; update replaces the list)") List<String> networks;
        @Option(names = "--protocol", paramLabel = "NFS|SMB", description = "Enabled protocol (repeatable)") List<String> protocols;
        @Option(names = "--smb-encryption", arity = "0..1", fallbackValue = "true", paramLabel = "true|false") Boolean smbEncryption;
        @Option(names = "--guest", arity = "0..1", fallbackValue = "true", paramLabel = "true|false") Boolean guest;
        @Option(names = "--default-permission", description = "NONE, READ, READ_WRITE or ADMIN") String defaultPermission;

        Body body() {
            return new Body().put("exportPath", exportPath).put("metadataStore", metadataStore).put("blockStore", blockStore)
                    .put("readOnly", readOnly).put("squash", squash).put("anonymousUid", anonymousUid)
                    .put("anonymousGid", anonymousGid).put("allowedNetworks", networks).put("protocols", protocols)
                    .put("smbEncryptionRequired", smbEncryption).put("guestAllowed", guest)
                    .put("defaultPermission", defaultPermission);
        }
    }

    @Command(name = "create", description = "Create a share.")
    static final class Create extends CtlCommand {
        @Parameters(index = "0", paramLabel = "NAME") String name;
        @Mixin Fields fields;

        @Override
        public Integer call() {
            ctl().output().print(ctl().client().post(PATH, fields.body().put("name", name).node));
            return 0;
        }
    }

    @Command(name = "update", description = "Change a share (only the given options).")
    static final class Update extends CtlCommand {
        @Parameters(index = "0", paramLabel = "NAME") String name;
        @Mixin Fields fields;

        @Override
        public Integer call() {
            ctl().output().print(ctl().client().put(PATH + "/" + seg(name), fields.body().node));
            return 0;
        }
    }

    @Command(name = "delete", description = "Delete a share (its handles go STALE on the gateways).")
    static final class Delete extends CtlCommand {
        @Parameters(index = "0", paramLabel = "NAME") String name;

        @Override
        public Integer call() {
            ctl().client().delete(PATH + "/" + seg(name));
            ctl().output().message("Deleted share " + name + ".");
            return 0;
        }
    }

    /** Exactly one of --user or --group. */
    static class Who {
        @Option(names = "--user", required = true) String user;
        @Option(names = "--group", required = true) String group;
    }

    @Command(name = "permission", description = "Grant or revoke per-user and per-group share permissions.",
            subcommands = {Grant.class, Revoke.class})
    static final class Permission {
    }

    @Command(name = "grant", description = "Grant (or change) a user's or group's permission on a share.")
    static final class Grant extends CtlCommand {
        @Parameters(index = "0", paramLabel = "SHARE") String share;
        @ArgGroup(exclusive = true, multiplicity = "1") Who who;
        @Option(names = "--permission", required = true, description = "NONE, READ, READ_WRITE or ADMIN") String permission;

        @Override
        public Integer call() {
            ctl().output().print(ctl().client().post(PATH + "/" + seg(share) + "/permissions",
                    new Body().put("user", who.user).put("group", who.group).put("permission", permission).node));
            return 0;
        }
    }

    @Command(name = "revoke", description = "Remove a user's or group's grant on a share.")
    static final class Revoke extends CtlCommand {
        @Parameters(index = "0", paramLabel = "SHARE") String share;
        @ArgGroup(exclusive = true, multiplicity = "1") Who who;

        @Override
        public Integer call() {
            String path = PATH + "/" + seg(share) + "/permissions/"
                    + (who.user != null ? "users/" + seg(who.user) : "groups/" + seg(who.group));
            ctl().output().print(ctl().client().delete(path));
            return 0;
        }
    }
}
