package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.fs.model.FileAttr;
import io.dittofs.gateway.fs.model.FsStatus;
import io.dittofs.gateway.fs.model.Handle;
import io.dittofs.gateway.fs.model.Wcc;
import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Fh;
import io.dittofs.gateway.nfs.v4.Names;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.rpc.XdrWriter;

/**
 * What the RFC 8276 operations share. NFS extended attributes are the user namespace only (RFC
 * 8276 §8): a key on the wire is stored as {@code user.<key>}, so what a Linux client calls
 * {@code user.foo} is {@code user.foo} in the namespace too, and the other namespaces (system.,
 * trusted., security.) can neither be read nor written over NFS.
 */
final class Xattrs {

    static final String PREFIX = "user.";
    /** The namespace's limit on a whole name (XATTR_NAME_MAX) less the prefix. */
    static final int MAX_KEY = 255 - PREFIX.length();
    /** The namespace's limit on a value (64 KiB, XATTR_SIZE_MAX); larger is XATTR2BIG. */
    static final int MAX_VALUE = 64 * 1024;
    /** Read up to this many value bytes so an oversized value is XATTR2BIG, not garbage. */
    static final int MAX_WIRE_VALUE = 1 << 20;

    private Xattrs() {
    }

    /** The stored name of a wire key, or null when {@code status[0]} says why the key is refused. */
    static String name(byte[] key, int[] status) {
        String s = Names.decode(key);
        if (key.length == 0 || s == null || s.indexOf('\0') >= 0) {
            status[0] = Nfs4Status.INVAL;
            return null;
        }
        if (key.length > MAX_KEY) {
            status[0] = Nfs4Status.NAMETOOLONG;
            return null;
        }
        status[0] = Nfs4Status.OK;
        return PREFIX + s;
    }

    /** The file the current filehandle names, or null with {@code status[0]} set (pseudo directories have no xattrs). */
    static Handle file(CompoundContext c, int[] status) {
        switch (c.current()) {
            case null -> {
                status[0] = Nfs4Status.NOFILEHANDLE;
                return null;
            }
            case Fh.Pseudo p -> {
                status[0] = Nfs4Status.NOTSUPP;
                return null;
            }
            case Fh.Real r -> {
                status[0] = Nfs4Status.OK;
                return r.handle();
            }
        }
    }

    /** RFC 8276's errors for what the namespace answers. */
    static int status(FsStatus s) {
        return switch (s) {
            case NOXATTR -> Nfs4Status.NOXATTR;
            case XATTR_EXISTS -> Nfs4Status.EXIST;
            case FBIG -> Nfs4Status.XATTR2BIG;
            case NOTSUPP -> Nfs4Status.NOTSUPP;
            default -> Nfs4Status.of(s);
        };
    }

    /** change_info4 of the object: before read separately, so not atomic. */
    static void changeInfo(XdrWriter out, FileAttr before, Wcc wcc) {
        long after = wcc != null && wcc.after() != null ? wcc.after().change() : before.change() + 1;
        out.writeBool(false).writeLong(before.change()).writeLong(after);
    }
}
