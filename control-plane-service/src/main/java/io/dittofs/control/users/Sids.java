package io.dittofs.control.users;

import java.security.SecureRandom;

/**
 * Windows SIDs for Unix ids, using the algorithmic mapping Samba uses by default
 * (users: RID = 2*uid + 1000, groups: RID = 2*gid + 1001) under one domain SID per installation.
 */
public final class Sids {

    private Sids() {
    }

    public static String newDomainSid(SecureRandom random) {
        return "S-1-5-21-" + Integer.toUnsignedString(random.nextInt()) + "-"
                + Integer.toUnsignedString(random.nextInt()) + "-" + Integer.toUnsignedString(random.nextInt());
    }

    public static String forUser(String domainSid, long uid) {
        return domainSid + "-" + (2 * uid + 1000);
    }

    public static String forGroup(String domainSid, long gid) {
        return domainSid + "-" + (2 * gid + 1001);
    }

    public static boolean valid(String sid) {
        return sid != null && sid.matches("S-1(-\\d{1,10}){1,15}");
    }
}
