package io.dittofs.gateway.smb.ops;

import io.dittofs.gateway.smb.server.SmbCommandHandler;
import io.dittofs.gateway.smb.server.SmbRequest;
import io.dittofs.gateway.smb.server.SmbResult;
import io.dittofs.gateway.smb.wire.NtStatus;
import io.dittofs.gateway.smb.wire.WireException;
import java.util.Map;

/**
 * The file-system FSCTLs on disk trees that {@link Ioctl} hands to the file commands, one
 * {@link FileFsctl} per code: object ids, resume key and server-side copy, sparse flag, allocated
 * ranges, zero data, compression, resiliency, block cloning (FSCTL_DUPLICATE_EXTENTS_TO_FILE,
 * announced by FILE_SUPPORTS_BLOCK_REFCOUNTING). Every other code is NOT_SUPPORTED.
 */
final class FileFsctls implements SmbCommandHandler {

    private final FileCommands files;
    private final Map<Integer, FileFsctl> byCode;
    private final RequestResiliency resiliency = new RequestResiliency();

    FileFsctls(FileCommands files) {
        this.files = files;
        ObjectIds ids = new ObjectIds(files);
        CopyChunk copy = new CopyChunk(files);
        Compression compression = new Compression();
        this.byCode = Map.ofEntries(
                Map.entry(DuplicateExtents.CODE, new DuplicateExtents(files)),
                Map.entry(ObjectIds.GET_OBJECT_ID, ids),
                Map.entry(ObjectIds.CREATE_OR_GET_OBJECT_ID, ids),
                Map.entry(RequestResumeKey.CODE, new RequestResumeKey(files)),
                Map.entry(CopyChunk.CODE, copy),
                Map.entry(CopyChunk.CODE_WRITE, copy),
                Map.entry(SetSparse.CODE, new SetSparse(files)),
                Map.entry(QueryAllocatedRanges.CODE, new QueryAllocatedRanges(files)),
                Map.entry(SetZeroData.CODE, new SetZeroData(files)),
                Map.entry(Compression.GET, compression),
                Map.entry(Compression.SET, compression));
    }

    @Override
    public SmbResult handle(SmbRequest req) throws WireException {
        IoctlRequest io = IoctlRequest.decode(req.body());
        SmbOpen o = files.opens.find(req, io.fileId());
        if (o == null) {
            return SmbResult.fail(NtStatus.FILE_CLOSED);
        }
        FileFsctl f = io.ctlCode() == RequestResiliency.CODE ? resiliency : byCode.get(io.ctlCode());
        return f == null ? SmbResult.fail(NtStatus.NOT_SUPPORTED) : f.handle(req, io, o);
    }
}
