package io.dittofs.metadata.core;

import io.dittofs.contracts.StatusException;
import io.dittofs.contracts.common.v1.Ace;
import io.dittofs.contracts.common.v1.Acl;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.metadata.spi.Inode;

/**
 * The explicit ACL of an inode, shared by NFSv4 ACLs and Windows DACLs (ACE4_* masks and flags,
 * RFC 8881 §6.2.1): access evaluation, the mode bits an ACL stands for, and inheritance.
 */
public final class Acls {

    public static final int READ_DATA = 0x1;
    public static final int WRITE_DATA = 0x2;
    public static final int APPEND_DATA = 0x4;
    public static final int EXECUTE = 0x20;
    public static final int DELETE_CHILD = 0x40;
    public static final int DELETE = 0x10000;
    public static final int WRITE_ACL = 0x40000;
    /** Windows generic rights a DACL may carry; they stand for the specific rights below. */
    private static final int GENERIC_ALL = 0x10000000;
    private static final int GENERIC_EXECUTE = 0x20000000;
    private static final int GENERIC_WRITE = 0x40000000;
    private static final int GENERIC_READ = 0x80000000;

    public static final int FILE_INHERIT = 0x1;
    public static final int DIRECTORY_INHERIT = 0x2;
    public static final int NO_PROPAGATE_INHERIT = 0x4;
    public static final int INHERIT_ONLY = 0x8;
    public static final int INHERITED = 0x80;

    public static final int MAX_ACES = 1024;

    private Acls() {
    }

    /** Refuses what no ACE can be: too many entries, or an entry without a principal. */
    public static void validate(Acl acl) {
        if (acl.getAcesCount() > MAX_ACES) {
            throw new StatusException(Status.INVAL, "ACL of " + acl.getAcesCount() + " entries exceeds " + MAX_ACES);
        }
        for (Ace a : acl.getAcesList()) {
            if (a.getWhoCase() == Ace.WhoCase.WHO_NOT_SET || a.getType() == Ace.Type.UNRECOGNIZED
                    || a.getWhoCase() == Ace.WhoCase.SPECIAL && a.getSpecial() == Ace.SpecialWho.UNRECOGNIZED) {
                throw new StatusException(Status.INVAL, "ACE without a principal or type");
            }
        }
    }

    /** The specific rights an ACE mask grants or denies, generic rights expanded. */
    static int specific(int mask) {
        int m = mask & 0x00FFFFFF;
        if ((mask & (GENERIC_ALL | GENERIC_READ)) != 0) {
            m |= READ_DATA;
        }
        if ((mask & (GENERIC_ALL | GENERIC_WRITE)) != 0) {
            m |= WRITE_DATA | APPEND_DATA;
        }
        if ((mask & (GENERIC_ALL | GENERIC_EXECUTE)) != 0) {
            m |= EXECUTE;
        }
        if ((mask & GENERIC_ALL) != 0) {
            m |= DELETE | DELETE_CHILD | WRITE_ACL;
        }
        return m;
    }

    private static boolean matches(Ace a, Inode i, Caller c) {
        return switch (a.getWhoCase()) {
            case UID -> c.uid() == a.getUid();
            case GID -> c.inGroup(a.getGid());
            case SPECIAL -> switch (a.getSpecial()) {
                case OWNER -> c.uid() == i.uid();
                case GROUP -> c.inGroup(i.gid());
                case EVERYONE -> true;
                default -> false;
            };
            // a SID without a Unix mapping names nobody a Unix identity can be
            default -> false;
        };
    }

    /**
     * RFC 8881 §6.2.1: ACEs in order, each ALLOW settles the bits it grants and each DENY refuses
     * the request if it names a bit not yet granted; what no ACE granted is denied.
     */
    public static boolean allows(Inode i, Caller c, int mask) {
        int left = mask;
        for (Ace a : i.acl().getAcesList()) {
            if (left == 0) {
                break;
            }
            if ((a.getFlags() & INHERIT_ONLY) != 0 || !matches(a, i, c)) {
                continue;
            }
            int m = specific(a.getMask());
            if (a.getType() == Ace.Type.ALLOW) {
                left &= ~m;
            } else if (a.getType() == Ace.Type.DENY && (m & left) != 0) {
                return false;
            }
        }
        return left == 0;
    }

    /**
     * The permission bits (0777) an ACL stands for: per class (the file's owner, its group, others)
     * the first ACE deciding each of read data, write data and execute; EVERYONE decides for all
     * three classes. ACEs naming other users, groups or SIDs do not change the mode.
     */
    public static int mode(Acl acl, int uid, int gid) {
        int[] allowed = new int[3];
        int[] decided = new int[3];
        for (Ace a : acl.getAcesList()) {
            if ((a.getFlags() & INHERIT_ONLY) != 0
                    || a.getType() != Ace.Type.ALLOW && a.getType() != Ace.Type.DENY) {
                continue;
            }
            int m = specific(a.getMask());
            int rwx = ((m & READ_DATA) != 0 ? 4 : 0) | ((m & WRITE_DATA) != 0 ? 2 : 0) | ((m & EXECUTE) != 0 ? 1 : 0);
            int[] classes;
            if (a.getWhoCase() == Ace.WhoCase.SPECIAL) {
                classes = switch (a.getSpecial()) {
                    case OWNER -> new int[] {0};
                    case GROUP -> new int[] {1};
                    case EVERYONE -> new int[] {0, 1, 2};
                    default -> new int[0];
                };
            } else if (a.getWhoCase() == Ace.WhoCase.UID && a.getUid() == uid) {
                classes = new int[] {0};
            } else if (a.getWhoCase() == Ace.WhoCase.GID && a.getGid() == gid) {
                classes = new int[] {1};
            } else {
                classes = new int[0];
            }
            for (int k : classes) {
                int fresh = rwx & ~decided[k];
                if (a.getType() == Ace.Type.ALLOW) {
                    allowed[k] |= fresh;
                }
                decided[k] |= fresh;
            }
        }
        return allowed[0] << 6 | allowed[1] << 3 | allowed[2];
    }

    /**
     * The ACL a new object inherits from its directory's (RFC 8881 §6.4.3, MS-DTYP 2.5.3.4.2), or
     * null when the directory has none or nothing in it is inheritable: a file takes the
     * FILE_INHERIT entries, a directory the DIRECTORY_INHERIT ones (still inheritable below unless
     * NO_PROPAGATE) and keeps FILE_INHERIT-only ones as INHERIT_ONLY for its own files.
     */
    public static Acl inherited(Inode dir, boolean directory) {
        if (!dir.hasAcl() || dir.acl().getNullDacl()) {
            return null;
        }
        Acl.Builder out = Acl.newBuilder();
        for (Ace a : dir.acl().getAcesList()) {
            int f = a.getFlags();
            int keep = f & ~(FILE_INHERIT | DIRECTORY_INHERIT | NO_PROPAGATE_INHERIT | INHERIT_ONLY);
            if (!directory) {
                if ((f & FILE_INHERIT) != 0) {
                    out.addAces(a.toBuilder().setFlags(keep | INHERITED));
                }
            } else if ((f & DIRECTORY_INHERIT) != 0) {
                int flags = (f & NO_PROPAGATE_INHERIT) != 0 ? keep : f & ~INHERIT_ONLY;
                out.addAces(a.toBuilder().setFlags(flags | INHERITED));
            } else if ((f & FILE_INHERIT) != 0 && (f & NO_PROPAGATE_INHERIT) == 0) {
                out.addAces(a.toBuilder().setFlags(f | INHERIT_ONLY | INHERITED));
            }
        }
        return out.getAcesCount() == 0 ? null : out.build();
    }
}
