package io.dittofs.gateway.smb.ops;

import java.util.ArrayList;
import java.util.List;
import io.dittofs.gateway.fs.model.FileType;
import io.dittofs.gateway.smb.wire.FileBasics;
import io.dittofs.gateway.fs.model.AttrResult;
import io.dittofs.gateway.fs.model.FsStat;
import io.dittofs.gateway.smb.SmbStatus;
import io.dittofs.gateway.smb.ops.info.FileInformation;
import io.dittofs.gateway.smb.ops.info.FsInformation;
import io.dittofs.gateway.smb.ops.info.SecurityDescriptors;
import io.dittofs.gateway.smb.server.SmbCommandHandler;
import io.dittofs.gateway.smb.server.SmbRequest;
import io.dittofs.gateway.smb.server.SmbResult;
import io.dittofs.gateway.smb.wire.InfoResponse;
import io.dittofs.gateway.smb.wire.NtStatus;
import io.dittofs.gateway.smb.wire.QueryInfoRequest;
import io.dittofs.gateway.smb.wire.WireException;
import java.util.Arrays;

/**
 * QUERY_INFO (MS-SMB2 3.3.5.20): file, file-system and security information of an open, from
 * fresh attributes. A fixed-size class that does not fit is INFO_LENGTH_MISMATCH; a variable one
 * is cut with BUFFER_OVERFLOW; a security descriptor that does not fit is BUFFER_TOO_SMALL with
 * the size it needs.
 */
final class QueryInfo implements SmbCommandHandler {

    /** OWNER | GROUP | DACL | LABEL security information. */
    private static final int READ_CONTROL_PARTS = 0x1 | 0x2 | 0x4 | 0x10;

    private final FileCommands files;

    QueryInfo(FileCommands files) {
        this.files = files;
    }

    @Override
    public SmbResult handle(SmbRequest req) throws WireException {
        QueryInfoRequest q = QueryInfoRequest.decode(req.body());
        SmbOpen o = files.opens.find(req, q.fileId());
        if (o == null) {
            return SmbResult.fail(NtStatus.FILE_CLOSED);
        }
        if (q.outputBufferLength() > files.service.settings.maxIoBytes()) {
            return SmbResult.fail(NtStatus.INVALID_PARAMETER);
        }
        AttrResult a = files.fs.getAttr(o.principal(), o.handle());
        if (!a.status().ok()) {
            return SmbResult.fail(SmbStatus.of(a.status()));
        }
        int limit = (int) q.outputBufferLength();
        return switch (q.infoType()) {
            case QueryInfoRequest.FILE -> file(q, o, a, limit);
            case QueryInfoRequest.FILESYSTEM -> filesystem(req, q, o, a, limit);
            case QueryInfoRequest.SECURITY -> security(q, o, a, limit);
            case QueryInfoRequest.QUOTA -> SmbResult.fail(NtStatus.NOT_SUPPORTED);
            default -> SmbResult.fail(NtStatus.INVALID_PARAMETER);
        };
    }

    private SmbResult file(QueryInfoRequest q, SmbOpen o, AttrResult a, int limit) {
        int cls = q.infoClass();
        if (cls == FileInformation.NORMALIZED_NAME) {
            // Windows 10 1803+ only; clients fall back to the name they opened
            return SmbResult.fail(NtStatus.NOT_SUPPORTED);
        }
        if (cls == FileInformation.ALL || cls == FileInformation.BASIC || cls == FileInformation.NETWORK_OPEN
                || cls == FileInformation.ATTRIBUTE_TAG) {
            if (!o.granted(AccessMask.READ_ATTRIBUTES)) {
                return SmbResult.fail(NtStatus.ACCESS_DENIED);
            }
        }
        FileInformation.OpenState state = new FileInformation.OpenState(o.access(), o.position(), o.mode(),
                files.service.files.deletePending(o.handle()) || o.deleteOnClose(), o.path());
        FileBasics basics = Create.withAllocation(files.service.times.basics(a.attr()), o.entry().allocation());
        byte[] data;
        if (cls == FileInformation.STREAM) {
            Streams.Listing l = Streams.list(files.fs, o.principal(), o.handle());
            if (!l.status().ok()) {
                return SmbResult.fail(SmbStatus.of(l.status()));
            }
            List<FileInformation.StreamEntry> all = new ArrayList<>();
            if (a.attr().type() != FileType.DIRECTORY) {
                // a directory has no unnamed data stream, only named ones (MS-FSCC 2.4.43)
                all.add(new FileInformation.StreamEntry("::$DATA", basics.endOfFile(), basics.allocationSize()));
            }
            for (Streams.Named n : l.streams()) {
                all.add(new FileInformation.StreamEntry(":" + n.name() + Streams.SUFFIX, n.size(), cluster(n.size())));
            }
            data = FileInformation.streams(all);
        } else {
            if (o.stream() != null) {
                // a stream open shows the file's times and attributes with the stream's size
                Streams.Found f = Streams.find(files.fs, o.principal(), o.handle(), o.stream());
                if (!f.exists()) {
                    return SmbResult.fail(SmbStatus.of(f.status()));
                }
                basics = Streams.basics(basics, f.value().length);
            }
            data = FileInformation.encode(cls, basics, state);
        }
        if (data == null) {
            return SmbResult.fail(NtStatus.INVALID_INFO_CLASS);
        }
        return fit(data, FileInformation.fixedSize(cls), FileInformation.minimumSize(cls), limit, o);
    }

    private SmbResult filesystem(SmbRequest req, QueryInfoRequest q, SmbOpen o, AttrResult a, int limit) {
        int cls = q.infoClass();
        if (FsInformation.minimumSize(cls) < 0) {
            return SmbResult.fail(NtStatus.INVALID_INFO_CLASS);
        }
        FsStat stat = files.fs.fsStat(o.principal(), o.handle());
        if (!stat.status().ok()) {
            return SmbResult.fail(SmbStatus.of(stat.status()));
        }
        byte[] data = FsInformation.encode(cls, stat, a.attr(), req.tree().shareName());
        return fit(data, FsInformation.fixedSize(cls), FsInformation.minimumSize(cls), limit, o);
    }

    private SmbResult security(QueryInfoRequest q, SmbOpen o, AttrResult a, int limit) {
        // MS-FSA 2.1.5.13: READ_CONTROL guards owner, group, DACL and label; asking for none of them
        // answers an empty descriptor to any open (smb2.sdread)
        if ((q.additionalInformation() & READ_CONTROL_PARTS) != 0 && !o.granted(AccessMask.READ_CONTROL)) {
            return SmbResult.fail(NtStatus.ACCESS_DENIED);
        }
        var attr = a.attr();
        if ((q.additionalInformation() & SecurityDescriptors.DACL) != 0 && attr.hasAcl()) {
            // the DACL is the file's explicit ACL: ask for it
            AttrResult withAcl = files.fs.getAttrWithAcl(o.principal(), o.handle());
            if (!withAcl.status().ok()) {
                return SmbResult.fail(SmbStatus.of(withAcl.status()));
            }
            attr = withAcl.attr();
        }
        byte[] sd = SecurityDescriptors.encode(attr, q.additionalInformation());
        if (sd.length > limit) {
            int need = sd.length;
            // MS-SMB2 3.3.5.20.3: the error response carries the size the descriptor needs
            return new SmbResult.Done(NtStatus.BUFFER_TOO_SMALL, w -> w.u16(9).u8(0).u8(0).i32(4).i32(need), o.id());
        }
        return new SmbResult.Done(NtStatus.SUCCESS, new InfoResponse(sd)::encode, o.id());
    }

    private static SmbResult fit(byte[] data, int fixed, int minimum, int limit, SmbOpen o) {
        if (fixed >= 0 ? limit < fixed : limit < Math.min(minimum, data.length)) {
            return SmbResult.fail(NtStatus.INFO_LENGTH_MISMATCH);
        }
        if (data.length > limit) {
            return new SmbResult.Done(NtStatus.BUFFER_OVERFLOW, new InfoResponse(Arrays.copyOf(data, limit))::encode,
                    o.id());
        }
        return new SmbResult.Done(NtStatus.SUCCESS, new InfoResponse(data)::encode, o.id());
    }

    /** Allocation of a stream's value, in the clusters the file sizes show (Attrs.CLUSTER). */
    private static long cluster(long size) {
        return (size + Attrs.CLUSTER - 1) / Attrs.CLUSTER * Attrs.CLUSTER;
    }
}
