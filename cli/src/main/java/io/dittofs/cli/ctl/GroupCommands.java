package io.dittofs.cli.ctl;

import static io.dittofs.cli.common.AdminClient.seg;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "group", description = "Manage groups.", subcommands = {GroupCommands.ListGroups.class,
        GroupCommands.Get.class, GroupCommands.Create.class, GroupCommands.Update.class, GroupCommands.Delete.class})
public final class GroupCommands {

    static final String PATH = "/api/v1/groups";

    @Command(name = "list", description = "List groups.")
    static final class ListGroups extends CtlCommand {
        @Override
        public Integer call() {
            ctl().output().print(ctl().client().get(PATH));
            return 0;
        }
    }

    @Command(name = "get", description = "Show one group.")
    static final class Get extends CtlCommand {
        @Parameters(index = "0", paramLabel = "NAME") String name;

        @Override
        public Integer call() {
            ctl().output().print(ctl().client().get(PATH + "/" + seg(name)));
            return 0;
        }
    }

    static class Fields {
        @Option(names = "--gid") Long gid;
        @Option(names = "--sid") String sid;
        @Option(names = "--member", paramLabel = "USER", description = "Member (repeatable; update replaces the list)") List<String> members;

        Body body() {
            return new Body().put("gid", gid).put("sid", sid).put("members", members);
        }
    }

    @Command(name = "create", description = "Create a group.")
    static final class Create extends CtlCommand {
        @Parameters(index = "0", paramLabel = "NAME") String name;
        @Mixin Fields fields;

        @Override
        public Integer call() {
            ctl().output().print(ctl().client().post(PATH, fields.body().put("name", name).node));
            return 0;
        }
    }

    @Command(name = "update", description = "Change a group (only the given options).")
    static final class Update extends CtlCommand {
        @Parameters(index = "0", paramLabel = "NAME") String name;
        @Mixin Fields fields;

        @Override
        public Integer call() {
            ctl().output().print(ctl().client().put(PATH + "/" + seg(name), fields.body().node));
            return 0;
        }
    }

    @Command(name = "delete", description = "Delete a group.")
    static final class Delete extends CtlCommand {
        @Parameters(index = "0", paramLabel = "NAME") String name;

        @Override
        public Integer call() {
            ctl().client().delete(PATH + "/" + seg(name));
            ctl().output().message("Deleted group " + name + ".");
            return 0;
        }
    }
}
