package io.dittofs.gateway.smb.ops;

import io.dittofs.gateway.fs.model.FsStatus;
import io.dittofs.gateway.fs.model.XattrResult;
import io.dittofs.gateway.fs.model.Stability;
import io.dittofs.gateway.smb.SmbStatus;
import io.dittofs.gateway.smb.wire.NtStatus;

/**
 * FileRenameInformation on a stream open with a name starting with ':' (MS-FSA 2.1.5.14.11.1,
 * stream rename): {@code :new}, {@code :new:$DATA}, or {@code ::$DATA} (the stream's data becomes
 * the file's). The stream stays on the same file. An existing target needs ReplaceIfExists
 * (OBJECT_NAME_COLLISION) and must be empty (INVALID_PARAMETER otherwise, as NTFS refuses to
 * replace a stream holding data). The move is a SetXattr of the new name then a RemoveXattr of the
 * old one (the metadata service has no xattr rename): a failure between them leaves both names.
 */
final class StreamRename {

    private StreamRename() {
    }

    static int rename(FileCommands files, SmbOpen o, String target, boolean replace) {
        if (!o.granted(AccessMask.DELETE)) {
            return NtStatus.ACCESS_DENIED;
        }
        String source = o.stream();
        if (source == null) {
            // the open was renamed to ::$DATA already: it is the file's data now
            return NtStatus.INVALID_PARAMETER;
        }
        StreamName to = StreamName.parse(target);
        if (to.status() != NtStatus.SUCCESS || !to.path().isEmpty()) {
            return NtStatus.OBJECT_NAME_INVALID;
        }
        var who = o.principal();
        var h = o.handle();
        synchronized (Streams.lockOf(h, source)) {
            Streams.Found cur = Streams.find(files.fs, who, h, source);
            if (!cur.exists()) {
                return SmbStatus.of(cur.status());
            }
            if (!to.named()) {
                return toUnnamed(files, o, cur, replace);
            }
            if (to.stream().equalsIgnoreCase(source)) {
                return NtStatus.SUCCESS;
            }
            Streams.Found dest = Streams.find(files.fs, who, h, to.stream());
            if (!dest.exists() && dest.status() != FsStatus.NOXATTR) {
                return SmbStatus.of(dest.status());
            }
            if (dest.exists()) {
                if (!replace) {
                    return NtStatus.OBJECT_NAME_COLLISION;
                }
                if (dest.value().length != 0) {
                    return NtStatus.INVALID_PARAMETER;
                }
                FsStatus rm = Streams.remove(files.fs, who, h, dest.name());
                if (!rm.ok() && rm != FsStatus.NOXATTR) {
                    return SmbStatus.of(rm);
                }
            }
            FsStatus put = Streams.set(files.fs, who, h, to.stream(), cur.value(), XattrResult.SetMode.CREATE);
            if (!put.ok()) {
                return put == FsStatus.XATTR_EXISTS ? NtStatus.OBJECT_NAME_COLLISION : SmbStatus.of(put);
            }
            FsStatus rm = Streams.remove(files.fs, who, h, cur.name());
            if (!rm.ok() && rm != FsStatus.NOXATTR) {
                return SmbStatus.of(rm);
            }
            o.streamRenamed(to.stream());
            String path = o.path();
            int colon = path.indexOf(':');
            o.moved(o.parent(), o.name(), (colon < 0 ? path : path.substring(0, colon)) + ":" + to.stream());
            return NtStatus.SUCCESS;
        }
    }

    /**
     * A stream renamed to the unnamed stream replaces the file's data, which must be empty; the
     * open goes on as an open of the file's data.
     */
    private static int toUnnamed(FileCommands files, SmbOpen o, Streams.Found cur, boolean replace) {
        if (!replace) {
            return NtStatus.OBJECT_NAME_COLLISION;
        }
        var a = files.fs.getAttr(o.principal(), o.handle());
        if (!a.status().ok()) {
            return SmbStatus.of(a.status());
        }
        if (a.attr().size() != 0 || o.io() == null) {
            return NtStatus.INVALID_PARAMETER;
        }
        if (cur.value().length > 0) {
            var w = files.fs.write(o.principal(), o.handle(), 0, java.nio.ByteBuffer.wrap(cur.value()), Stability.FILE_SYNC);
            if (!w.status().ok()) {
                return SmbStatus.of(w.status());
            }
        }
        FsStatus rm = Streams.remove(files.fs, o.principal(), o.handle(), cur.name());
        if (!rm.ok() && rm != FsStatus.NOXATTR) {
            return SmbStatus.of(rm);
        }
        o.streamRenamed(null);
        o.stale();
        String path = o.path();
        int colon = path.indexOf(':');
        o.moved(o.parent(), o.name(), colon < 0 ? path : path.substring(0, colon));
        return NtStatus.SUCCESS;
    }
}
