package io.dittofs.gateway.fs.model;

import java.util.List;

/**
 * An object's explicit ACL, the one model behind NFSv4 ACLs and Windows DACLs: ACE4_* masks and
 * flags (RFC 8881 §6.2.1), which are the Windows access-mask bits for the rights both have.
 *
 * @param nullDacl a Windows NULL DACL (everyone may do everything); {@code aces} then holds its
 *                 NFSv4 view, one ALLOW EVERYONE of {@link #FULL_ACCESS}
 */
public record Acl(List<Ace> aces, boolean nullDacl) {

    public static final int ALLOW = 0;
    public static final int DENY = 1;
    /** FILE_ALL_ACCESS: what a NULL DACL grants everyone. */
    public static final int FULL_ACCESS = 0x001F01FF;

    public Acl {
        aces = List.copyOf(aces);
    }

    /** The NULL DACL as the model keeps it. */
    public static Acl ofNullDacl() {
        return new Acl(List.of(new Ace(ALLOW, 0, FULL_ACCESS, Who.EVERYONE, 0, null)), true);
    }

    /** Whom an ACE names: a Unix user or group, the object's owner or group, everyone, or a raw SID. */
    public enum Who { UID, GID, OWNER, GROUP, EVERYONE, SID }

    /**
     * @param id  the uid or gid for {@link Who#UID} and {@link Who#GID}
     * @param sid the SID string ("S-1-5-11") for {@link Who#SID}, else null
     */
    public record Ace(int type, int flags, int mask, Who who, int id, String sid) {
    }
}
