package io.dittofs.cli.ctl;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The identity provider is a single configuration: create and update both set it, list and get show it. */
@Command(name = "idp", description = "Configure the identity provider (LDAP/Active Directory, Kerberos).", subcommands = {
        IdpCommands.Show.class, IdpCommands.Get.class, IdpCommands.Create.class, IdpCommands.Update.class,
        IdpCommands.Delete.class})
public final class IdpCommands {

    static final String PATH = "/api/v1/identity-provider";

    @Command(name = "list", description = "Show the identity-provider configuration.")
    static final class Show extends CtlCommand {
        @Override
        public Integer call() {
            ctl().output().print(ctl().client().get(PATH));
            return 0;
        }
    }

    @Command(name = "get", description = "Show the configuration, or resolve a user or group through it.")
    static final class Get extends CtlCommand {
        @Option(names = "--user", description = "Resolve this user (local first, then the directory)") String user;
        @Option(names = "--group", description = "Resolve this group") String group;

        @Override
        public Integer call() {
            String path = user != null ? PATH + "/users/" + io.dittofs.cli.common.AdminClient.seg(user)
                    : group != null ? PATH + "/groups/" + io.dittofs.cli.common.AdminClient.seg(group) : PATH;
            ctl().output().print(ctl().client().get(path));
            return 0;
        }
    }

    static class Fields {
        @Option(names = "--ldap-enabled", arity = "1", paramLabel = "true|false") Boolean ldapEnabled;
        @Option(names = "--ldap-url", description = "ldap://host:389 or ldaps://host:636") String ldapUrl;
        @Option(names = "--bind-dn") String bindDn;
        @Option(names = "--bind-password", description = "Write-only: never shown again") String bindPassword;
        @Option(names = "--user-base", description = "User search base DN") String userBase;
        @Option(names = "--group-base", description = "Group search base DN") String groupBase;
        @Option(names = "--user-name-attribute") String userNameAttribute;
        @Option(names = "--uid-attribute") String uidAttribute;
        @Option(names = "--gid-attribute") String gidAttribute;
        @Option(names = "--sid-attribute") String sidAttribute;
        @Option(names = "--group-name-attribute") String groupNameAttribute;
        @Option(names = "--member-attribute") String memberAttribute;
        @Option(names = "--admin-group", description = "Members of this directory group are admin API admins") String adminGroup;
        @Option(names = "--cache-ttl", paramLabel = "SECONDS") Integer cacheTtl;
        @Option(names = "--kerberos-realm") String kerberosRealm;
        @Option(names = "--keytab") String keytab;

        Body body() {
            return new Body().put("ldapEnabled", ldapEnabled).put("ldapUrl", ldapUrl).put("bindDn", bindDn)
                    .put("bindPassword", bindPassword).put("userSearchBase", userBase).put("groupSearchBase", groupBase)
                    .put("userNameAttribute", userNameAttribute).put("uidAttribute", uidAttribute)
                    .put("gidAttribute", gidAttribute).put("sidAttribute", sidAttribute)
                    .put("groupNameAttribute", groupNameAttribute).put("memberAttribute", memberAttribute)
                    .put("adminGroup", adminGroup).put("cacheTtlSeconds", cacheTtl)
                    .put("kerberosRealm", kerberosRealm).put("keytabPath", keytab);
        }
    }

    @Command(name = "create", description = "Set up the identity provider.")
    static final class Create extends CtlCommand {
        @Mixin Fields fields;

        @Override
        public Integer call() {
            ctl().output().print(ctl().client().put(PATH, fields.body().node));
            return 0;
        }
    }

    @Command(name = "update", description = "Change the identity provider (only the given options).")
    static final class Update extends CtlCommand {
        @Mixin Fields fields;

        @Override
        public Integer call() {
            ctl().output().print(ctl().client().put(PATH, fields.body().node));
            return 0;
        }
    }

    @Command(name = "delete", description = "Remove the identity-provider configuration.")
    static final class Delete extends CtlCommand {
        @Override
        public Integer call() {
            ctl().client().delete(PATH);
            ctl().output().message("Identity provider removed.");
            return 0;
        }
    }
}
