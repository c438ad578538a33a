package io.dittofs.gateway.smb.ops;

import io.dittofs.gateway.fs.model.AttrResult;
import io.dittofs.gateway.fs.model.DirQuery;
import io.dittofs.gateway.fs.model.FileAttr;
import io.dittofs.gateway.fs.model.FileType;
import io.dittofs.gateway.fs.model.FsStatus;
import io.dittofs.gateway.fs.model.Handle;
import io.dittofs.gateway.fs.model.RemoveKind;
import io.dittofs.gateway.fs.model.SetAttrs;
import io.dittofs.gateway.fs.model.SetTime;
import io.dittofs.gateway.identity.Principal;
import io.dittofs.gateway.smb.SmbStatus;
import io.dittofs.gateway.smb.ops.info.FileInformation;
import io.dittofs.gateway.smb.ops.info.SecurityDescriptorSet;
import io.dittofs.gateway.smb.ops.info.SecurityDescriptors;
import io.dittofs.gateway.smb.server.SmbCommandHandler;
import io.dittofs.gateway.smb.server.SmbRequest;
import io.dittofs.gateway.smb.server.SmbResult;
import io.dittofs.gateway.fs.NamespaceEvents;
import io.dittofs.gateway.smb.wire.FileBasics;
import io.dittofs.gateway.smb.wire.NtStatus;
import io.dittofs.gateway.smb.wire.SetInfoRequest;
import io.dittofs.gateway.smb.wire.SmbReader;
import io.dittofs.gateway.smb.wire.WireException;

/**
 * SET_INFO (MS-SMB2 3.3.5.21, MS-FSCC 2.4) on files: times and the read-only attribute (as the
 * owner's write bits), end of file, allocation (a smaller one truncates), delete disposition,
 * rename and hard link (paths from the share root), position and mode. Creation and change times
 * are not stored by the namespace and are accepted without effect.
 */
final class SetInfo implements SmbCommandHandler {

    private static final int VALID_MODE = 0x2 | 0x4 | 0x8 | 0x10 | 0x20;

    private final FileCommands files;

    SetInfo(FileCommands files) {
        this.files = files;
    }

    @Override
    public SmbResult handle(SmbRequest req) throws WireException {
        SetInfoRequest s = SetInfoRequest.decode(req.body());
        SmbOpen o = files.opens.find(req, s.fileId());
        if (o == null) {
            return SmbResult.fail(NtStatus.FILE_CLOSED);
        }
        if (s.infoType() == 3) {
            int st = security(o, s);
            return st == NtStatus.SUCCESS ? new SmbResult.Done(NtStatus.SUCCESS, SetInfoRequest::encodeResponse, o.id())
                    : SmbResult.fail(st);
        }
        if (s.infoType() != 1) {
            return SmbResult.fail(s.infoType() == 2 || s.infoType() == 4 ? NtStatus.NOT_SUPPORTED
                    : NtStatus.INVALID_PARAMETER);
        }
        SmbReader r = SmbReader.of(s.buffer());
        int status = switch (s.infoClass()) {
            case FileInformation.BASIC -> need(r, 36) ? basic(o, r) : NtStatus.INFO_LENGTH_MISMATCH;
            case FileInformation.END_OF_FILE -> need(r, 8) ? size(req, o, r.i64(), false)
                    : NtStatus.INFO_LENGTH_MISMATCH;
            case FileInformation.ALLOCATION -> need(r, 8) ? size(req, o, r.i64(), true)
                    : NtStatus.INFO_LENGTH_MISMATCH;
            case FileInformation.DISPOSITION -> need(r, 1) ? disposition(req, o, r.u8() != 0)
                    : NtStatus.INFO_LENGTH_MISMATCH;
            case FileInformation.RENAME, FileInformation.LINK -> need(r, 20)
                    ? renameOrLink(req, o, r, s.infoClass() == FileInformation.LINK) : NtStatus.INFO_LENGTH_MISMATCH;
            case FileInformation.POSITION -> {
                if (!need(r, 8)) {
                    yield NtStatus.INFO_LENGTH_MISMATCH;
                }
                long p = r.i64();
                if (p < 0) {
                    yield NtStatus.INVALID_PARAMETER;
                }
                o.position(p);
                yield NtStatus.SUCCESS;
            }
            case FileInformation.MODE -> {
                if (!need(r, 4)) {
                    yield NtStatus.INFO_LENGTH_MISMATCH;
                }
                int m = r.i32();
                if ((m & ~VALID_MODE) != 0) {
                    yield NtStatus.INVALID_PARAMETER;
                }
                o.mode(m);
                yield NtStatus.SUCCESS;
            }
            default -> NtStatus.INVALID_INFO_CLASS;
        };
        if (status != NtStatus.SUCCESS) {
            return SmbResult.fail(status);
        }
        return new SmbResult.Done(NtStatus.SUCCESS, SetInfoRequest::encodeResponse, o.id());
    }

    /**
     * A security descriptor as ownership and the file's ACL (see {@link SecurityDescriptorSet}):
     * the DACL needs WRITE_DAC, owner and group WRITE_OWNER; what the namespace refuses (a chown
     * by a non-root caller) is its status. The mode's permission bits follow the ACL there.
     */
    private int security(SmbOpen o, SetInfoRequest s) throws WireException {
        int which = s.additionalInformation() & (SecurityDescriptors.OWNER | SecurityDescriptors.GROUP
                | SecurityDescriptors.DACL);
        if ((which & SecurityDescriptors.DACL) != 0 && !o.granted(AccessMask.WRITE_DAC)
                || (which & (SecurityDescriptors.OWNER | SecurityDescriptors.GROUP)) != 0
                && !o.granted(AccessMask.WRITE_OWNER)) {
            return NtStatus.ACCESS_DENIED;
        }
        AttrResult cur = files.fs.getAttr(o.principal(), o.handle());
        if (!cur.status().ok()) {
            return SmbStatus.of(cur.status());
        }
        FileAttr a = cur.attr();
        SecurityDescriptorSet sd = SecurityDescriptorSet.decode(s.buffer(), which);
        Integer uid = sd.uid() != null && sd.uid() != a.uid() ? sd.uid() : null;
        Integer gid = sd.gid() != null && sd.gid() != a.gid() ? sd.gid() : null;
        if (uid == null && gid == null && sd.dacl() == null) {
            return NtStatus.SUCCESS;
        }
        var res = files.fs.setAttr(o.principal(), o.handle(),
                new SetAttrs(null, uid, gid, null, null, null, null, null, sd.dacl()), null);
        return res.status().ok() ? NtStatus.SUCCESS : SmbStatus.of(res.status());
    }

    private static boolean need(SmbReader r, int n) {
        return r.remaining() >= n;
    }

    private int basic(SmbOpen o, SmbReader r) throws WireException {
        if (!o.granted(AccessMask.WRITE_ATTRIBUTES)) {
            return NtStatus.ACCESS_DENIED;
        }
        long creation = r.i64(); // the namespace's birth time
        long atime = r.i64();
        long mtime = r.i64();
        long change = r.i64(); // the namespace sets ctime itself: ExtraAttributes
        int attributes = r.i32();
        AttrResult cur = files.fs.getAttr(o.principal(), o.handle());
        if (!cur.status().ok()) {
            return SmbStatus.of(cur.status());
        }
        FileAttr a = cur.attr();
        if ((attributes & FileBasics.ATTR_DIRECTORY) != 0 && a.type() != FileType.DIRECTORY) {
            return NtStatus.INVALID_PARAMETER;
        }
        if ((attributes & FileBasics.ATTR_TEMPORARY) != 0 && a.type() == FileType.DIRECTORY) {
            // a directory cannot be temporary (MS-FSA 2.1.5.14.2)
            return NtStatus.INVALID_PARAMETER;
        }
        Integer mode = null;
        if (attributes != 0 && a.type() != FileType.DIRECTORY && !a.hasAcl()) {
            // with an explicit ACL, READONLY is kept with the DOS attributes: a chmod would replace the ACL
            boolean readOnly = (attributes & FileBasics.ATTR_READONLY) != 0;
            int m = readOnly ? a.mode() & ~0222 : ((a.mode() & 0222) == 0 ? a.mode() | 0200 : a.mode());
            mode = m == a.mode() ? null : m;
        }
        SetTime at = settable(atime) ? new SetTime.ClientTime(Attrs.time(atime)) : null;
        SetTime mt = settable(mtime) ? new SetTime.ClientTime(Attrs.time(mtime)) : null;
        SetTime bt = settable(creation) ? new SetTime.ClientTime(Attrs.time(creation)) : null;
        Integer dos = null;
        if (attributes != 0) {
            int stored = ExtraAttributes.stored(a, attributes);
            dos = stored == a.dosAttributes() ? null : stored;
        }
        FileAttr after = a;
        if (mode != null || at != null || mt != null || bt != null || dos != null) {
            // one namespace call for mode, times, creation time and DOS attributes
            var res = files.fs.setAttr(o.principal(), o.handle(), new SetAttrs(mode, null, null, null, at, mt, bt, dos),
                    null);
            if (!res.status().ok()) {
                return SmbStatus.of(res.status());
            }
            after = res.wcc().after() != null ? res.wcc().after() : files.attr(o);
        }
        if (after != null && settable(change)) {
            files.service.times.setChange(after, change);
        }
        // what the gateway keeps itself (DOS attributes, creation time) changes without the facade:
        // tell CHANGE_NOTIFY watchers here (the facade reported the mode and times it set)
        int kept = (attributes != 0 && mode == null ? NamespaceEvents.ATTRIBUTES : 0)
                | (settable(creation) ? NamespaceEvents.CREATION : 0);
        if (kept != 0 && files.service.events != null && files.service.events.watched() && o.parent() != null) {
            files.service.events.publish(new NamespaceEvents.Change(o.parent(), o.name(), NamespaceEvents.Action.MODIFIED,
                    o.directory(), kept));
        }
        return NtStatus.SUCCESS;
    }

    /** 0 leaves a time as it is; -1 and -2 (stop / resume automatic updates) are accepted without effect. */
    private static boolean settable(long fileTime) {
        return fileTime > 0;
    }

    private int size(SmbRequest req, SmbOpen o, long size, boolean allocation) {
        if (o.directory()) {
            return NtStatus.INVALID_PARAMETER;
        }
        if (!o.granted(AccessMask.WRITE_DATA)) {
            return NtStatus.ACCESS_DENIED;
        }
        if (size < 0) {
            return NtStatus.INVALID_PARAMETER;
        }
        if (o.stream() != null) {
            return streamSize(o, size, allocation);
        }
        if (allocation) {
            AttrResult cur = files.fs.getAttr(o.principal(), o.handle());
            if (!cur.status().ok()) {
                return SmbStatus.of(cur.status());
            }
            if (size >= cur.attr().size()) {
                return NtStatus.SUCCESS; // space is not reserved ahead; the size stays
            }
        }
        files.service.oplocks.dataChanged(o);
        var res = files.fs.setAttr(o.principal(), o.handle(), new SetAttrs(null, null, null, size, null, null), null);
        o.stale();
        return res.status().ok() ? NtStatus.SUCCESS : SmbStatus.of(res.status());
    }

    /** EndOfFile / Allocation of a named stream: its xattr value resized, DISK_FULL past the value limit. */
    private int streamSize(SmbOpen o, long size, boolean allocation) {
        if (allocation) {
            Streams.Found f = Streams.find(files.fs, o.principal(), o.handle(), o.stream());
            if (!f.exists()) {
                return SmbStatus.of(f.status());
            }
            if (size >= f.value().length) {
                return NtStatus.SUCCESS;
            }
        }
        FsStatus st = Streams.resize(files.fs, o.principal(), o.handle(), o.stream(), size);
        return st.ok() ? NtStatus.SUCCESS : SmbStatus.of(st);
    }

    private int disposition(SmbRequest req, SmbOpen o, boolean delete) {
        if (!o.granted(AccessMask.DELETE)) {
            return NtStatus.ACCESS_DENIED;
        }
        if (o.stream() != null) {
            // deleting a stream removes the stream alone, at this open's close
            o.deleteOnClose(delete);
            return NtStatus.SUCCESS;
        }
        if (delete) {
            if (o.parent() == null) {
                return NtStatus.CANNOT_DELETE;
            }
            AttrResult cur = files.fs.getAttr(o.principal(), o.handle());
            if (!cur.status().ok()) {
                return SmbStatus.of(cur.status());
            }
            if (cur.attr().type() != FileType.DIRECTORY && ExtraAttributes.readOnly(cur.attr())) {
                return NtStatus.CANNOT_DELETE;
            }
            if (cur.attr().type() == FileType.DIRECTORY) {
                var page = files.fs.readDir(o.principal(), o.handle(), new DirQuery(0, new byte[0], 1, false, false));
                if (page.status().ok() && !page.entries().isEmpty()) {
                    return NtStatus.DIRECTORY_NOT_EMPTY;
                }
            }
        }
        files.service.files.deletePending(o.entry(), delete);
        return NtStatus.SUCCESS;
    }

    /**
     * A rename changes the parent directory as a delete would: an open of the parent that has
     * DELETE access or does not share delete stands in the way (SHARING_VIOLATION), as on
     * Windows. Asked of the lock-service with a short-lived open of the parent (DELETE access,
     * denying DELETE), so NFS share reservations count too.
     */
    private int parentAllowsRename(SmbOpen o) {
        var client = files.clientOf(o);
        if (client == null) {
            return NtStatus.SUCCESS;
        }
        var probe = files.locks.open(new io.dittofs.gateway.locks.OpenSpec(o.parent().bytes(), client,
                Create.ownerOf(o.id()), io.dittofs.gateway.locks.OpenSpec.DELETE,
                io.dittofs.gateway.locks.OpenSpec.DELETE, false));
        if (!probe.status().ok()) {
            return SmbStatus.ofLock(probe.status());
        }
        files.locks.close(probe.openId());
        return NtStatus.SUCCESS;
    }

    private int renameOrLink(SmbRequest req, SmbOpen o, SmbReader r, boolean link) throws WireException {
        boolean replace = r.u8() != 0;
        r.skip(7);
        r.skip(8); // RootDirectory: 0 for SMB2 (MS-SMB2 3.3.5.21.1)
        long len = r.u32();
        if (len == 0 || len > r.remaining() || len > 65534) {
            return NtStatus.INVALID_PARAMETER;
        }
        String target = SmbReader.utf16(r.bytes((int) len));
        while (target.startsWith("\\")) {
            target = target.substring(1);
        }
        if (!link && target.startsWith(":")) {
            return o.stream() != null || o.streamOpen() ? StreamRename.rename(files, o, target, replace)
                    : NtStatus.NOT_SUPPORTED;
        }
        if (target.contains(":")) {
            // a stream open renamed to another file's stream: the file cannot move while this
            // stream is open (Windows answers SHARING_VIOLATION, smbtorture smb2.streams rename2)
            return o.streamOpen() ? NtStatus.SHARING_VIOLATION : NtStatus.OBJECT_NAME_INVALID;
        }
        if (o.streamOpen()) {
            return NtStatus.INVALID_PARAMETER;
        }
        if (!link && files.service.files.streamsOpen(o.handle())) {
            // Windows refuses to rename a file while one of its named streams is open
            return NtStatus.ACCESS_DENIED;
        }
        int syntax = Paths.syntax(target);
        if (syntax != NtStatus.SUCCESS) {
            return syntax;
        }
        if (!link && !o.granted(AccessMask.DELETE)) {
            return NtStatus.ACCESS_DENIED;
        }
        if (!FileCommands.mayModify(req)) {
            return NtStatus.ACCESS_DENIED;
        }
        if (o.parent() == null) {
            return NtStatus.ACCESS_DENIED;
        }
        Principal who = o.principal();
        Handle root = files.root(req);
        AttrResult rootAttr = files.fs.getAttr(who, root);
        if (!rootAttr.status().ok()) {
            return SmbStatus.of(rootAttr.status());
        }
        Paths.Resolved dest = Paths.resolve(files.fs, who, root, rootAttr.attr(), target);
        if (dest.status() != NtStatus.SUCCESS) {
            return dest.status();
        }
        if (dest.parent() == null) {
            return NtStatus.ACCESS_DENIED;
        }
        String newName = Paths.split(target).getLast();
        boolean sameFile = dest.exists() && dest.handle().equals(o.handle());
        if (dest.exists() && !sameFile) {
            if (!replace) {
                return NtStatus.OBJECT_NAME_COLLISION;
            }
            if (dest.attr().type() == FileType.DIRECTORY || files.service.files.openCount(dest.handle()) > 0) {
                return NtStatus.ACCESS_DENIED;
            }
            if (link) {
                var rm = files.fs.remove(who, dest.parent(), dest.name(), RemoveKind.NON_DIRECTORY);
                if (!rm.status().ok()) {
                    return SmbStatus.of(rm.status());
                }
            }
        }
        if (link) {
            if (o.directory()) {
                return NtStatus.FILE_IS_A_DIRECTORY;
            }
            if (sameFile) {
                return replace ? NtStatus.SUCCESS : NtStatus.OBJECT_NAME_COLLISION;
            }
            var l = files.fs.link(who, o.handle(), dest.parent(), newName);
            return l.status().ok() ? NtStatus.SUCCESS
                    : l.status() == FsStatus.EXIST ? NtStatus.OBJECT_NAME_COLLISION : SmbStatus.of(l.status());
        }
        if (sameFile && dest.parent().equals(o.parent()) && o.name().equals(newName)) {
            return NtStatus.SUCCESS;
        }
        int parentShare = parentAllowsRename(o);
        if (parentShare != NtStatus.SUCCESS) {
            return parentShare;
        }
        var res = files.fs.rename(who, o.parent(), o.name(), dest.parent(), newName);
        if (!res.status().ok()) {
            return res.status() == FsStatus.EXIST ? NtStatus.OBJECT_NAME_COLLISION : SmbStatus.of(res.status());
        }
        o.moved(dest.parent(), newName, String.join("\\", Paths.split(target)));
        return NtStatus.SUCCESS;
    }
}
