package io.dittofs.metadata.core;

import io.dittofs.contracts.StatusException;
import io.dittofs.contracts.common.v1.FileType;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.metadata.spi.Inode;

/**
 * POSIX mode-bit permission rules (owner, then group incl. supplementary groups, then other); an
 * inode with an explicit ACL is decided by the ACL instead ({@link Acls}: read data, write data,
 * execute for r, w, x).
 */
public final class Perms {

    public static final int R = 4;
    public static final int W = 2;
    public static final int X = 1;
    public static final int S_ISUID = 04000;
    public static final int S_ISGID = 02000;
    public static final int S_ISVTX = 01000;

    private Perms() {
    }

    public static boolean allowed(Inode i, Caller c, int want) {
        if (c.root()) {
            // root may read and write anything, but execute only what someone can execute
            return (want & X) == 0 || i.isDirectory() || (i.mode() & 0111) != 0;
        }
        if (i.hasAcl()) {
            int mask = ((want & R) != 0 ? Acls.READ_DATA : 0) | ((want & W) != 0 ? Acls.WRITE_DATA : 0)
                    | ((want & X) != 0 ? Acls.EXECUTE : 0);
            return Acls.allows(i, c, mask);
        }
        int bits;
        if (c.uid() == i.uid()) {
            bits = (i.mode() >> 6) & 7;
        } else if (c.inGroup(i.gid())) {
            bits = (i.mode() >> 3) & 7;
        } else {
            bits = i.mode() & 7;
        }
        return (bits & want) == want;
    }

    public static void require(Inode i, Caller c, int want) {
        if (!allowed(i, c, want)) {
            throw new StatusException(Status.ACCESS, c + " lacks " + want + " on inode " + i.id() + " mode "
                    + Integer.toOctalString(i.mode()));
        }
    }

    /**
     * Data access to a regular file for READ, WRITE and truncate (SETATTR size): the mode bits,
     * except that the file's owner is always let through.
     *
     * <p>RFC 1813 §4.4: a local process that opened a file keeps writing it after a chmod that
     * forbids writing (POSIX: a descriptor opened O_RDWR by creat/open(O_CREAT) writes whatever
     * mode the new file got, e.g. mode 0), but a stateless server sees no open, so "the server's
     * permission checking algorithm should allow the owner of a file to access it regardless of
     * the permission setting". The override is deliberately narrow, as in knfsd
     * (NFSD_MAY_OWNER_OVERRIDE on read, write and truncate) and Ganesha (owner_skip on read and
     * write): only a regular file, only the caller whose uid is the file's owner, and only read
     * and write ({@code want} must not ask for execute). It does not change what ACCESS answers
     * (the RFC says so too), and a read-only share is refused by the gateway before this point.
     */
    public static boolean dataAllowed(Inode i, Caller c, int want) {
        if ((want & X) == 0 && i.type() == FileType.REGULAR && c.uid() == i.uid()) {
            return true;
        }
        return allowed(i, c, want);
    }

    public static void requireData(Inode i, Caller c, int want) {
        if (!dataAllowed(i, c, want)) {
            throw new StatusException(Status.ACCESS, c + " lacks " + want + " on inode " + i.id() + " mode "
                    + Integer.toOctalString(i.mode()));
        }
    }

    public static boolean owner(Inode i, Caller c) {
        return c.root() || c.uid() == i.uid();
    }

    public static void requireOwner(Inode i, Caller c) {
        if (!owner(i, c)) {
            throw new StatusException(Status.PERM, c + " does not own inode " + i.id());
        }
    }

    /**
     * Whether {@code c} may remove {@code victim} from {@code dir} (RFC 8881 §6.2.1.3.2): with an
     * ACL on either, DELETE_CHILD on the directory or DELETE on the object itself (an explicit
     * DENY of DELETE_CHILD still lets DELETE decide, as Windows does); with mode bits only, write
     * and search on the directory.
     */
    public static void requireRemovable(Inode dir, Inode victim, Caller c) {
        if (c.root()) {
            return;
        }
        if (!dir.hasAcl() && !victim.hasAcl()) {
            require(dir, c, W | X);
            return;
        }
        boolean search = allowed(dir, c, X);
        boolean child = dir.hasAcl() ? Acls.allows(dir, c, Acls.DELETE_CHILD) : allowed(dir, c, W);
        boolean self = victim.hasAcl() && Acls.allows(victim, c, Acls.DELETE);
        if (!search || !(child || self)) {
            throw new StatusException(Status.ACCESS, c + " may not delete inode " + victim.id() + " from " + dir.id());
        }
    }

    /**
     * Sticky directories: only the owner of the entry, the owner of the directory or root may
     * remove or rename it. Answers PERM like Linux does (EPERM).
     */
    public static void requireStickyOk(Inode dir, Inode victim, Caller c) {
        if ((dir.mode() & S_ISVTX) != 0 && !c.root() && c.uid() != dir.uid() && c.uid() != victim.uid()) {
            throw new StatusException(Status.PERM, c + " may not remove inode " + victim.id() + " from sticky dir " + dir.id());
        }
    }
}
