package io.dittofs.control.idp;

import java.util.List;

/** A user as the identity resolver sees it, from the local database or from LDAP. */
public record DirectoryUser(String name, long uid, long gid, List<Long> gids, String sid, String kerberosPrincipal,
                            boolean enabled, String source, List<String> groupNames) {

    public DirectoryUser {
        gids = List.copyOf(gids);
        groupNames = List.copyOf(groupNames);
    }
}
