package io.dittofs.gateway.nfs.v4.attr;

import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

import java.util.ArrayList;
import java.util.List;

/**
 * The acl attribute as a view of the mode bits (RFC 8881 §6.3, "mode and ACL"): the mode is shown
 * as ALLOW ACEs for OWNER@, GROUP@ and EVERYONE@, and an ACL of those three principals is stored
 * back as a mode. ACLs naming other principals, or AUDIT/ALARM entries, cannot be stored (the
 * metadata model keeps mode bits only) and are refused — except ALLOW/DENY entries with an empty
 * access mask, for any principal: they neither grant nor deny anything (RFC 8881 §6.2.1.3), so
 * leaving them out changes no access decision.
 */
public final class ModeAcl {

    public static final int ALLOW = 0;
    public static final int DENY = 1;
    /** aclsupport: ALLOW and DENY entries are understood. */
    public static final int SUPPORT = 0x1 | 0x2;
    public static final int MAX_ACES = 64;

    static final int READ_DATA = 0x1;
    static final int WRITE_DATA = 0x2;
    static final int APPEND_DATA = 0x4;
    static final int READ_NAMED_ATTRS = 0x8;
    static final int WRITE_NAMED_ATTRS = 0x10;
    static final int EXECUTE = 0x20;
    static final int DELETE_CHILD = 0x40;
    static final int READ_ATTRIBUTES = 0x80;
    static final int WRITE_ATTRIBUTES = 0x100;
    static final int READ_ACL = 0x20000;
    static final int WRITE_ACL = 0x40000;
    static final int WRITE_OWNER = 0x80000;
    static final int SYNCHRONIZE = 0x100000;
    static final int IDENTIFIER_GROUP = 0x40;

    static final String OWNER = "OWNER@";
    static final String GROUP = "GROUP@";
    static final String EVERYONE = "EVERYONE@";

    /** One nfsace4. */
    public record Ace(int type, int flag, int mask, String who) {
    }

    private ModeAcl() {
    }

    /**
     * The ACL that shows {@code mode}. EVERYONE@ applies to the owner and the group too, so a bit
     * the owner (or group) lacks but a later class has is denied explicitly right after its ALLOW.
     */
    public static List<Ace> of(int mode, boolean directory) {
        int owner = (mode >> 6) & 7;
        int group = (mode >> 3) & 7;
        int other = mode & 7;
        List<Ace> acl = new ArrayList<>(5);
        acl.add(new Ace(ALLOW, 0, mask(owner, directory) | WRITE_ATTRIBUTES | WRITE_ACL | WRITE_OWNER, OWNER));
        int ownerDenied = (group | other) & ~owner;
        if (ownerDenied != 0) {
            acl.add(new Ace(DENY, 0, rwxMask(ownerDenied, directory), OWNER));
        }
        acl.add(new Ace(ALLOW, IDENTIFIER_GROUP, mask(group, directory), GROUP));
        int groupDenied = other & ~group;
        if (groupDenied != 0) {
            acl.add(new Ace(DENY, IDENTIFIER_GROUP, rwxMask(groupDenied, directory), GROUP));
        }
        acl.add(new Ace(ALLOW, 0, mask(other, directory), EVERYONE));
        return List.copyOf(acl);
    }

    private static int mask(int rwx, boolean directory) {
        return READ_ATTRIBUTES | READ_ACL | SYNCHRONIZE | rwxMask(rwx, directory);
    }

    private static int rwxMask(int rwx, boolean directory) {
        int m = 0;
        if ((rwx & 4) != 0) {
            m |= READ_DATA | READ_NAMED_ATTRS;
        }
        if ((rwx & 2) != 0) {
            m |= WRITE_DATA | APPEND_DATA | WRITE_NAMED_ATTRS | (directory ? DELETE_CHILD : 0);
        }
        if ((rwx & 1) != 0) {
            m |= EXECUTE;
        }
        return m;
    }

    /**
     * The permission bits (0777) an ACL stands for: per special principal, the first ACE deciding a
     * bit (ALLOW sets it, DENY keeps it clear); EVERYONE@ also decides what owner and group did not.
     *
     * @return the bits, or -1 when the ACL holds something a mode cannot express
     */
    public static int toMode(List<Ace> acl) {
        int[] allowed = new int[3];
        int[] decided = new int[3];
        for (Ace ace : acl) {
            if (ace.type() != ALLOW && ace.type() != DENY) {
                return -1;
            }
            if (ace.mask() == 0) {
                continue;
            }
            int rwx = ((ace.mask() & READ_DATA) != 0 ? 4 : 0) | ((ace.mask() & WRITE_DATA) != 0 ? 2 : 0)
                    | ((ace.mask() & EXECUTE) != 0 ? 1 : 0);
            int[] targets = switch (ace.who()) {
                case OWNER -> new int[] {0};
                case GROUP -> new int[] {1};
                case EVERYONE -> new int[] {0, 1, 2};
                default -> null;
            };
            if (targets == null) {
                return -1;
            }
            for (int t : targets) {
                int fresh = rwx & ~decided[t];
                if (ace.type() == ALLOW) {
                    allowed[t] |= fresh;
                }
                decided[t] |= fresh;
            }
        }
        return (allowed[0] << 6) | (allowed[1] << 3) | allowed[2];
    }

    public static void write(XdrWriter out, List<Ace> acl) {
        out.writeInt(acl.size());
        for (Ace a : acl) {
            out.writeInt(a.type()).writeInt(a.flag()).writeInt(a.mask()).writeString(a.who());
        }
    }

    public static List<Ace> read(XdrReader in) throws XdrException {
        long n = in.readUnsignedInt();
        if (n > MAX_ACES) {
            throw new XdrException("ACL of " + n + " entries exceeds " + MAX_ACES);
        }
        List<Ace> acl = new ArrayList<>((int) n);
        for (int i = 0; i < n; i++) {
            acl.add(new Ace(in.readInt(), in.readInt(), in.readInt(), in.readString(1024)));
        }
        return acl;
    }
}
