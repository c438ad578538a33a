package io.dittofs.gateway.fs;

import com.google.protobuf.ByteString;
import io.dittofs.contracts.common.v1.FileHandle;
import io.dittofs.contracts.common.v1.FileType;
import io.dittofs.contracts.common.v1.Identity;
import io.dittofs.contracts.common.v1.PayloadId;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.common.v1.Timestamp;
import io.dittofs.contracts.block.v1.BlockServiceGrpc;
import io.dittofs.contracts.block.v1.CommitRequest;
import io.dittofs.contracts.block.v1.DeleteRequest;
import io.dittofs.contracts.block.v1.GetVerifierRequest;
import io.dittofs.contracts.block.v1.ReadRequest;
import io.dittofs.contracts.block.v1.ReadResponse;
import io.dittofs.contracts.block.v1.Stability;
import io.dittofs.contracts.block.v1.TruncateRequest;
import io.dittofs.contracts.block.v1.WriteRequest;
import io.dittofs.contracts.metadata.v1.*;
import io.grpc.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's one door to state: every protocol handler calls this, nothing else calls the
 * gRPC stubs. Operations that touch both namespace and content keep the two services in step
 * (write = RecordWrite then Write; size change = SetAttr then Truncate; last unlink = Remove then
 * Delete).
 */
public final class FileSystem {

    private static final Logger log = LoggerFactory.getLogger(FileSystem.class);

    private final MetadataServiceGrpc.MetadataServiceBlockingStub meta;
    private final BlockServiceGrpc.BlockServiceBlockingStub blocks;

    public FileSystem(Channel metadata, Channel block) {
        this.meta = MetadataServiceGrpc.newBlockingStub(metadata);
        this.blocks = BlockServiceGrpc.newBlockingStub(block);
    }

    public GetRootResponse root(Identity id, String share) {
        return meta.getRoot(GetRootRequest.newBuilder().setIdentity(id).setShare(share).build());
    }

    public GetAttrResponse getAttr(Identity id, FileHandle h) {
        return meta.getAttr(GetAttrRequest.newBuilder().setIdentity(id).setHandle(h).build());
    }

    /** SetAttr; a size change is applied to the content too. */
    public SetAttrResponse setAttr(Identity id, FileHandle h, SetAttrs attrs, Timestamp guard) {
        SetAttrRequest.Builder req = SetAttrRequest.newBuilder().setIdentity(id).setHandle(h).setAttrs(attrs);
        if (guard != null) {
            req.setGuardCtime(guard);
        }
        SetAttrResponse r = meta.setAttr(req.build());
        if (r.getStatus() == Status.OK && attrs.hasSize() && r.getWcc().getAfter().hasPayloadId()) {
            var t = blocks.truncate(TruncateRequest.newBuilder().setPayloadId(r.getWcc().getAfter().getPayloadId())
                    .setSize(attrs.getSize()).build());
            if (t.getStatus() != Status.OK) {
                return r.toBuilder().setStatus(t.getStatus()).build();
            }
        }
        return r;
    }

    public LookupResponse lookup(Identity id, FileHandle dir, String name) {
        return meta.lookup(LookupRequest.newBuilder().setIdentity(id).setDir(dir).setName(name).build());
    }

    public AccessResponse access(Identity id, FileHandle h, int requested) {
        return meta.access(AccessRequest.newBuilder().setIdentity(id).setHandle(h).setRequested(requested).build());
    }

    public ReadLinkResponse readLink(Identity id, FileHandle h) {
        return meta.readLink(ReadLinkRequest.newBuilder().setIdentity(id).setHandle(h).build());
    }

    /** Result of a read: the metadata attributes after the permission check plus the bytes. */
    public record ReadResult(Status status, Attr attr, ByteString data, boolean eof) {
    }

    public ReadResult read(Identity id, FileHandle h, long offset, int count) {
        GetAttrResponse a = meta.getAttr(GetAttrRequest.newBuilder().setIdentity(id).setHandle(h)
                .setRequireAccess(AccessBits.ACCESS_READ_VALUE).build());
        if (a.getStatus() != Status.OK) {
            return new ReadResult(a.getStatus(), a.hasAttr() ? a.getAttr() : null, ByteString.EMPTY, false);
        }
        Attr attr = a.getAttr();
        if (attr.getType() != FileType.REGULAR) {
            // only regular files have content; reading a directory is ISDIR in every protocol
            return new ReadResult(attr.getType() == FileType.DIRECTORY ? Status.ISDIR : Status.INVAL, attr,
                    ByteString.EMPTY, false);
        }
        long size = attr.getSize();
        long want = Math.max(0, Math.min((long) count, size - Math.max(0, offset)));
        if (offset < 0 || want == 0 || !attr.hasPayloadId()) {
            return new ReadResult(Status.OK, attr, ByteString.EMPTY, offset < 0 || offset >= size);
        }
        ReadResponse r = blocks.read(ReadRequest.newBuilder().setPayloadId(attr.getPayloadId()).setOffset(offset)
                .setCount((int) want).build());
        if (r.getStatus() != Status.OK) {
            return new ReadResult(r.getStatus(), attr, ByteString.EMPTY, false);
        }
        ByteString data = r.getData();
        if (data.size() < want) {
            // the namespace size is the truth: content not yet written (a grown file) reads as zeros
            data = data.concat(ByteString.copyFrom(new byte[(int) (want - data.size())]));
        } else if (data.size() > want) {
            data = data.substring(0, (int) want);
        }
        return new ReadResult(Status.OK, attr, data, offset + want >= size);
    }

    /** Result of a write: metadata wcc plus the block-service's stability and verifier. */
    public record WriteResult(Status status, Wcc wcc, long count, Stability committed, ByteString verifier) {
    }

    public WriteResult write(Identity id, FileHandle h, long offset, ByteString data, Stability stability) {
        RecordWriteResponse rw = meta.recordWrite(RecordWriteRequest.newBuilder().setIdentity(id).setHandle(h)
                .setOffset(offset).setLength(data.size()).build());
        if (rw.getStatus() != Status.OK) {
            return new WriteResult(rw.getStatus(), rw.getWcc(), 0, stability, ByteString.EMPTY);
        }
        var w = blocks.write(WriteRequest.newBuilder().setPayloadId(rw.getPayloadId()).setOffset(offset)
                .setData(data).setStability(stability).build());
        return new WriteResult(w.getStatus(), rw.getWcc(), w.getCount(), w.getCommitted(), w.getVerifier());
    }

    public record CommitResult(Status status, Attr attr, ByteString verifier) {
    }

    public CommitResult commit(Identity id, FileHandle h, long offset, long count) {
        GetAttrResponse a = getAttr(id, h);
        if (a.getStatus() != Status.OK) {
            return new CommitResult(a.getStatus(), null, ByteString.EMPTY);
        }
        if (!a.getAttr().hasPayloadId()) {
            return new CommitResult(Status.OK, a.getAttr(), verifier());
        }
        var c = blocks.commit(CommitRequest.newBuilder().setPayloadId(a.getAttr().getPayloadId()).setOffset(offset)
                .setCount(count).build());
        return new CommitResult(c.getStatus(), a.getAttr(), c.getVerifier());
    }

    public ByteString verifier() {
        return blocks.getVerifier(GetVerifierRequest.getDefaultInstance()).getVerifier();
    }

    public CreateResponse create(CreateRequest req) {
        return meta.create(req);
    }

    public RemoveResponse remove(Identity id, FileHandle dir, String name, RemoveKind kind) {
        RemoveResponse r = meta.remove(RemoveRequest.newBuilder().setIdentity(id).setDir(dir).setName(name)
                .setKind(kind).build());
        if (r.getStatus() == Status.OK) {
            release(r.getReleased());
        }
        return r;
    }

    public RenameResponse rename(Identity id, FileHandle fromDir, String from, FileHandle toDir, String to) {
        RenameResponse r = meta.rename(RenameRequest.newBuilder().setIdentity(id).setFromDir(fromDir).setFromName(from)
                .setToDir(toDir).setToName(to).build());
        if (r.getStatus() == Status.OK && r.hasReplaced()) {
            release(r.getReplaced());
        }
        return r;
    }

    public LinkResponse link(Identity id, FileHandle file, FileHandle dir, String name) {
        return meta.link(LinkRequest.newBuilder().setIdentity(id).setHandle(file).setDir(dir).setName(name).build());
    }

    public ReadDirResponse readDir(ReadDirRequest req) {
        return meta.readDir(req);
    }

    public FsStatResponse fsStat(Identity id, FileHandle h) {
        return meta.fsStat(FsStatRequest.newBuilder().setIdentity(id).setHandle(h).build());
    }

    public FsInfoResponse fsInfo(Identity id, FileHandle h) {
        return meta.fsInfo(FsInfoRequest.newBuilder().setIdentity(id).setHandle(h).build());
    }

    private void release(Released released) {
        PayloadId p = released.getPayloadId();
        if (released.hasPayloadId() && !p.getValue().isEmpty()) {
            var d = blocks.delete(DeleteRequest.newBuilder().setPayloadId(p).build());
            if (d.getStatus() != Status.OK && d.getStatus() != Status.NOENT) {
                // the namespace no longer references it; the block-service's GC reclaims it later
                log.warn("releasing payload after last unlink failed: {}", d.getStatus());
            }
        }
    }
}
