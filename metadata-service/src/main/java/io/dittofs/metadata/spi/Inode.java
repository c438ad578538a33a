package io.dittofs.metadata.spi;

import io.dittofs.contracts.common.v1.Acl;
import io.dittofs.contracts.common.v1.FileType;
import java.util.Arrays;
import java.util.Objects;

/**
 * One file-system object as a store keeps it. Times are nanoseconds since the Unix epoch.
 * Directories keep their parent (for ".." and the rename loop check) and the next readdir cookie
 * (a per-directory sequence, so inserts and deletes never shift the cookies of other entries).
 *
 * @param payloadId  regular files: 16 random bytes naming the content in the block-service
 * @param target     symbolic links: the target path
 * @param verifier   regular files created EXCLUSIVE: the client's 8-byte verifier
 * @param acl        the explicit ACL (NFSv4 ACL / Windows DACL), or null: the mode bits are the ACL
 */
public record Inode(long id, int share, int generation, FileType type, int mode, int nlink, int uid, int gid,
                    long size, long atime, long mtime, long ctime, long btime, long change,
                    byte[] payloadId, int rdevMajor, int rdevMinor, String target, byte[] verifier,
                    long parent, long nextCookie, int dosAttributes, Acl acl) {

    public Inode {
        Objects.requireNonNull(type, "type");
        payloadId = payloadId == null ? new byte[0] : payloadId.clone();
        verifier = verifier == null ? new byte[0] : verifier.clone();
        target = target == null ? "" : target;
    }

    @Override
    public byte[] payloadId() {
        return payloadId.clone();
    }

    @Override
    public byte[] verifier() {
        return verifier.clone();
    }

    public boolean hasAcl() {
        return acl != null;
    }

    public boolean isDirectory() {
        return type == FileType.DIRECTORY;
    }

    public Edit edit() {
        return new Edit(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Inode i && id == i.id && share == i.share && generation == i.generation && type == i.type
                && mode == i.mode && nlink == i.nlink && uid == i.uid && gid == i.gid && size == i.size
                && atime == i.atime && mtime == i.mtime && ctime == i.ctime && btime == i.btime && change == i.change
                && Arrays.equals(payloadId, i.payloadId) && rdevMajor == i.rdevMajor && rdevMinor == i.rdevMinor
                && target.equals(i.target) && Arrays.equals(verifier, i.verifier) && parent == i.parent
                && nextCookie == i.nextCookie && dosAttributes == i.dosAttributes && Objects.equals(acl, i.acl);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id) * 31 + Long.hashCode(change);
    }

    /** A mutable copy for building the next version of an inode inside one operation. */
    public static final class Edit {
        public long id;
        public int share;
        public int generation;
        public FileType type;
        public int mode;
        public int nlink;
        public int uid;
        public int gid;
        public long size;
        public long atime;
        public long mtime;
        public long ctime;
        public long btime;
        public long change;
        public byte[] payloadId;
        public int rdevMajor;
        public int rdevMinor;
        public String target;
        public byte[] verifier;
        public long parent;
        public long nextCookie;
        public int dosAttributes;
        public Acl acl;

        public Edit() {
        }

        Edit(Inode i) {
            id = i.id;
            share = i.share;
            generation = i.generation;
            type = i.type;
            mode = i.mode;
            nlink = i.nlink;
            uid = i.uid;
            gid = i.gid;
            size = i.size;
            atime = i.atime;
            mtime = i.mtime;
            ctime = i.ctime;
            btime = i.btime;
            change = i.change;
            payloadId = i.payloadId;
            rdevMajor = i.rdevMajor;
            rdevMinor = i.rdevMinor;
            target = i.target;
            verifier = i.verifier;
            parent = i.parent;
            nextCookie = i.nextCookie;
            dosAttributes = i.dosAttributes;
            acl = i.acl;
        }

        public Inode build() {
            return new Inode(id, share, generation, type, mode, nlink, uid, gid, size, atime, mtime, ctime, btime,
                    change, payloadId, rdevMajor, rdevMinor, target, verifier, parent, nextCookie, dosAttributes, acl);
        }
    }
}
