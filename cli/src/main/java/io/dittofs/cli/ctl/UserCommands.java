package io.dittofs.cli.ctl;

import static io.dittofs.cli.common.AdminClient.seg;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "user", description = "Manage users.", subcommands = {UserCommands.ListUsers.class,
        UserCommands.Get.class, UserCommands.Create.class, UserCommands.Update.class, UserCommands.Delete.class,
        UserCommands.Passwd.class})
public final class UserCommands {

    static final String PATH = "/api/v1/users";

    @Command(name = "list", description = "List users.")
    static final class ListUsers extends CtlCommand {
        @Override
        public Integer call() {
            ctl().output().print(ctl().client().get(PATH));
            return 0;
        }
    }

    @Command(name = "get", description = "Show one user.")
    static final class Get extends CtlCommand {
        @Parameters(index = "0", paramLabel = "NAME") String name;

        @Override
        public Integer call() {
            ctl().output().print(ctl().client().get(PATH + "/" + seg(name)));
            return 0;
        }
    }

    /** Options shared by create and update; unset ones are not sent. */
    static class Fields {
        @Option(names = "--uid") Long uid;
        @Option(names = "--gid", description = "Primary gid (default: the uid)") Long gid;
        @Option(names = "--group", paramLabel = "GROUP", description = "Group membership (repeatable; update replaces the list)") List<String> groups;
        @Option(names = "--principal", description = "Kerberos principal, e.g. alice@EXAMPLE.COM") String principal;
        @Option(names = "--sid") String sid;
        @Option(names = "--role", description = "ADMIN or USER") String role;
        @Option(names = "--enabled", arity = "1", paramLabel = "true|false") Boolean enabled;
        @Option(names = "--password") String password;

        Body body() {
            return new Body().put("uid", uid).put("gid", gid).put("groups", groups).put("kerberosPrincipal", principal)
                    .put("sid", sid).put("role", role).put("enabled", enabled).put("password", password);
        }
    }

    @Command(name = "create", description = "Create a user.")
    static final class Create extends CtlCommand {
        @Parameters(index = "0", paramLabel = "NAME") String name;
        @picocli.CommandLine.Mixin Fields fields;

        @Override
        public Integer call() {
            ctl().output().print(ctl().client().post(PATH, fields.body().put("name", name).node));
            return 0;
        }
    }

    @Command(name = "update", description = "Change a user (only the given options).")
    static final class Update extends CtlCommand {
        @Parameters(index = "0", paramLabel = "NAME") String name;
        @picocli.CommandLine.Mixin Fields fields;

        @Override
        public Integer call() {
            ctl().output().print(ctl().client().put(PATH + "/" + seg(name), fields.body().node));
            return 0;
        }
    }

    @Command(name = "delete", description = "Delete a user (its grants and sessions go with it).")
    static final class Delete extends CtlCommand {
        @Parameters(index = "0", paramLabel = "NAME") String name;

        @Override
        public Integer call() {
            ctl().client().delete(PATH + "/" + seg(name));
            ctl().output().message("Deleted user " + name + ".");
            return 0;
        }
    }

    @Command(name = "passwd", description = "Change your own password.")
    static final class Passwd extends CtlCommand {
        @Parameters(index = "0", paramLabel = "NAME") String name;
        @Option(names = "--current", description = "The current password") String current;
        @Option(names = "--new", required = true, description = "The new password (8 characters or more)") String fresh;

        @Override
        public Integer call() {
            ctl().client().put(PATH + "/" + seg(name) + "/password",
                    new Body().put("currentPassword", current).put("newPassword", fresh).node);
            ctl().output().message("Password changed.");
            return 0;
        }
    }
}
