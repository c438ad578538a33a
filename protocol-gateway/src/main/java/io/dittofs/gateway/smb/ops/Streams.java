package io.dittofs.gateway.smb.ops;

import io.dittofs.gateway.fs.FileSystem;
import io.dittofs.gateway.fs.model.FsStatus;
import io.dittofs.gateway.fs.model.Handle;
import io.dittofs.gateway.fs.model.XattrResult;
import io.dittofs.gateway.identity.Principal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Named streams ({@code file:name:$DATA}) kept as extended attributes of the file in the
 * metadata service, named {@code user.DosStream.NAME:$DATA} as Samba's streams_xattr names them,
 * so NFS clients listing a file's xattrs see the same streams Samba would show them. A stream is
 * therefore bounded by the xattr value limit ({@link #MAX_SIZE}); names match case-insensitively
 * (Windows clients do not keep case). Every stream read is a whole-value GetXattr and every change
 * a read-modify-write SetXattr: writers of one stream are serialized here, per gateway.
 */
final class Streams {

    static final String PREFIX = "user.DosStream.";
    static final String SUFFIX = ":$DATA";
    /** The metadata service's xattr value limit (XattrRules.MAX_VALUE_BYTES). */
    static final int MAX_SIZE = 64 * 1024;
    /** The metadata service's xattr name limit (XattrRules.MAX_NAME_BYTES). */
    static final int MAX_XATTR_NAME_BYTES = 255;
    /** Pages of xattr names looked at for one listing (bounds a file with very many xattrs). */
    private static final int MAX_PAGES = 64;
    private static final Object[] STRIPES = new Object[64];

    static {
        for (int i = 0; i < STRIPES.length; i++) {
            STRIPES[i] = new Object();
        }
    }

    /** A stream as stored: its name (case kept) and size. */
    record Named(String name, long size) {
    }

    /** A looked-up stream: status NOXATTR when the file has no such stream. */
    record Found(FsStatus status, String name, byte[] value) {
        boolean exists() {
            return status.ok();
        }
    }

    record Listing(FsStatus status, List<Named> streams) {
    }

    private Streams() {
    }

    static String xattrName(String stream) {
        return PREFIX + stream + SUFFIX;
    }

    /** The stream of an xattr name, or null when the xattr is not a stream. */
    static String streamOf(String xattr) {
        if (xattr.length() > PREFIX.length() + SUFFIX.length() && xattr.startsWith(PREFIX) && xattr.endsWith(SUFFIX)) {
            return xattr.substring(PREFIX.length(), xattr.length() - SUFFIX.length());
        }
        return null;
    }

    /**
     * The share-mode and byte-range lock resource of a stream in the lock-service: the file's handle,
     * a NUL and the upper-cased stream name, so each stream has its own share modes (MS-FSA: share
     * access is per stream) and the file's own key stays the handle NFS uses too.
     */
    static byte[] lockKey(Handle h, String stream) {
        byte[] hb = h.bytes();
        byte[] sb = (":" + stream.toUpperCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[hb.length + 1 + sb.length];
        System.arraycopy(hb, 0, out, 0, hb.length);
        System.arraycopy(sb, 0, out, hb.length + 1, sb.length);
        return out;
    }

    /** The lock guarding read-modify-write of one stream. */
    static Object lockOf(Handle h, String stream) {
        int hash = h.hashCode() * 31 + stream.toUpperCase(Locale.ROOT).hashCode();
        return STRIPES[Math.floorMod(hash, STRIPES.length)];
    }

    /**
     * What a stream open shows: the file's times and attributes with the stream's size, and never
     * DIRECTORY (a stream of a directory is data, as Samba shows it), NORMAL when nothing is left.
     */
    static io.dittofs.gateway.smb.wire.FileBasics basics(io.dittofs.gateway.smb.wire.FileBasics file, long size) {
        int attributes = file.attributes() & ~io.dittofs.gateway.smb.wire.FileBasics.ATTR_DIRECTORY;
        return new io.dittofs.gateway.smb.wire.FileBasics(file.creationTime(), file.lastAccessTime(),
                file.lastWriteTime(), file.changeTime(), (size + Attrs.CLUSTER - 1) / Attrs.CLUSTER * Attrs.CLUSTER, size,
                attributes == 0 ? io.dittofs.gateway.smb.wire.FileBasics.ATTR_NORMAL : attributes, file.fileId(),
                file.links());
    }

    /** Finds {@code stream} exactly, then case-insensitively. */
    static Found find(FileSystem fs, Principal who, Handle h, String stream) {
        XattrResult.Value exact = fs.getXattr(who, h, xattrName(stream));
        if (exact.status().ok()) {
            return new Found(FsStatus.OK, stream, exact.value());
        }
        if (exact.status() != FsStatus.NOXATTR) {
            return new Found(exact.status(), null, null);
        }
        long cookie = 0;
        for (int page = 0; page < MAX_PAGES; page++) {
            XattrResult.Names n = fs.listXattrs(who, h, cookie, 0);
            if (!n.status().ok()) {
                return new Found(n.status(), null, null);
            }
            for (String x : n.names()) {
                String s = streamOf(x);
                if (s != null && s.equalsIgnoreCase(stream)) {
                    XattrResult.Value v = fs.getXattr(who, h, x);
                    return v.status().ok() ? new Found(FsStatus.OK, s, v.value()) : new Found(v.status(), null, null);
                }
            }
            if (n.eof() || n.names().isEmpty()) {
                break;
            }
            cookie = n.cookie();
        }
        return new Found(FsStatus.NOXATTR, null, null);
    }

    /** The file's named streams with their sizes (FileStreamInformation). */
    static Listing list(FileSystem fs, Principal who, Handle h) {
        List<Named> out = new ArrayList<>();
        long cookie = 0;
        for (int page = 0; page < MAX_PAGES; page++) {
            XattrResult.Names n = fs.listXattrs(who, h, cookie, 0);
            if (n.status() == FsStatus.NOTSUPP) {
                return new Listing(FsStatus.OK, out);
            }
            if (!n.status().ok()) {
                return new Listing(n.status(), out);
            }
            for (String x : n.names()) {
                String s = streamOf(x);
                if (s != null) {
                    XattrResult.Value v = fs.getXattr(who, h, x);
                    if (v.status().ok()) {
                        out.add(new Named(s, v.value().length));
                    }
                }
            }
            if (n.eof() || n.names().isEmpty()) {
                break;
            }
            cookie = n.cookie();
        }
        return new Listing(FsStatus.OK, out);
    }

    static FsStatus set(FileSystem fs, Principal who, Handle h, String stream, byte[] value, XattrResult.SetMode mode) {
        if (value.length > MAX_SIZE) {
            return FsStatus.NOSPC;
        }
        return fs.setXattr(who, h, xattrName(stream), value, mode).status();
    }

    static FsStatus remove(FileSystem fs, Principal who, Handle h, String stream) {
        return fs.removeXattr(who, h, xattrName(stream)).status();
    }

    /** Removes every named stream (an overwrite or supersede of the file: MS-FSA 2.1.5.1.2.1). */
    static FsStatus removeAll(FileSystem fs, Principal who, Handle h) {
        Listing l = list(fs, who, h);
        if (!l.status().ok()) {
            return l.status();
        }
        for (Named n : l.streams()) {
            FsStatus s = remove(fs, who, h, n.name());
            if (!s.ok() && s != FsStatus.NOXATTR) {
                return s;
            }
        }
        return FsStatus.OK;
    }

    /** Writes {@code data} at {@code offset} of a stream (zero-filling a gap): NOSPC past {@link #MAX_SIZE}. */
    static FsStatus write(FileSystem fs, Principal who, Handle h, String stream, long offset, byte[] data) {
        if (offset + data.length > MAX_SIZE) {
            return FsStatus.NOSPC;
        }
        synchronized (lockOf(h, stream)) {
            Found cur = find(fs, who, h, stream);
            if (!cur.exists()) {
                return cur.status() == FsStatus.NOXATTR ? FsStatus.NOENT : cur.status();
            }
            byte[] v = cur.value();
            int end = (int) Math.max(v.length, offset + data.length);
            byte[] out = java.util.Arrays.copyOf(v, end);
            System.arraycopy(data, 0, out, (int) offset, data.length);
            return fs.setXattr(who, h, xattrName(cur.name()), out, XattrResult.SetMode.REPLACE).status();
        }
    }

    /** Sets a stream's size (truncates or zero-extends): NOSPC past {@link #MAX_SIZE}. */
    static FsStatus resize(FileSystem fs, Principal who, Handle h, String stream, long size) {
        if (size > MAX_SIZE) {
            return FsStatus.NOSPC;
        }
        synchronized (lockOf(h, stream)) {
            Found cur = find(fs, who, h, stream);
            if (!cur.exists()) {
                return cur.status() == FsStatus.NOXATTR ? FsStatus.NOENT : cur.status();
            }
            if (cur.value().length == size) {
                return FsStatus.OK;
            }
            return fs.setXattr(who, h, xattrName(cur.name()), java.util.Arrays.copyOf(cur.value(), (int) size),
                    XattrResult.SetMode.REPLACE).status();
        }
    }
}
