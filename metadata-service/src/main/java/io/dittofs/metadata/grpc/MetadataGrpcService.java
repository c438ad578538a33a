package io.dittofs.metadata.grpc;

import io.dittofs.contracts.metadata.v1.*;
import io.dittofs.metadata.core.MetadataCore;
import io.dittofs.metadata.core.ops.AccessOp;
import io.dittofs.metadata.core.ops.CommitOp;
import io.dittofs.metadata.core.ops.CreateOp;
import io.dittofs.metadata.core.ops.FsInfoOp;
import io.dittofs.metadata.core.ops.FsStatOp;
import io.dittofs.metadata.core.ops.GetAttrOp;
import io.dittofs.metadata.core.ops.GetRootOp;
import io.dittofs.metadata.core.ops.GetXattrOp;
import io.dittofs.metadata.core.ops.LinkOp;
import io.dittofs.metadata.core.ops.ListXattrsOp;
import io.dittofs.metadata.core.ops.LookupOp;
import io.dittofs.metadata.core.ops.Op;
import io.dittofs.metadata.core.ops.ReadDirOp;
import io.dittofs.metadata.core.ops.ReadLinkOp;
import io.dittofs.metadata.core.ops.RecordWriteOp;
import io.dittofs.metadata.core.ops.RemoveOp;
import io.dittofs.metadata.core.ops.RemoveXattrOp;
import io.dittofs.metadata.core.ops.RenameOp;
import io.dittofs.metadata.core.ops.SetAttrOp;
import io.dittofs.metadata.core.ops.SetXattrOp;
import io.grpc.stub.StreamObserver;

/**
 * The gRPC face of the namespace. Each RPC delegates to its operation class; file-system
 * outcomes travel as the response's Status, so the call itself always completes normally.
 */
public final class MetadataGrpcService extends MetadataServiceGrpc.MetadataServiceImplBase {

    private final MetadataCore core;
    private final GetRootOp getRoot;
    private final io.dittofs.metadata.core.ops.CreateShareOp createShare;
    private final io.dittofs.metadata.core.ops.DeleteShareOp deleteShare;
    private final LookupOp lookup;
    private final GetAttrOp getAttr;
    private final SetAttrOp setAttr;
    private final AccessOp access;
    private final CreateOp create;
    private final ReadLinkOp readLink;
    private final RemoveOp remove;
    private final RenameOp rename;
    private final LinkOp link;
    private final ReadDirOp readDir;
    private final RecordWriteOp recordWrite;
    private final CommitOp commit;
    private final FsStatOp fsStat;
    private final FsInfoOp fsInfo;
    private final GetXattrOp getXattr;
    private final SetXattrOp setXattr;
    private final ListXattrsOp listXattrs;
    private final RemoveXattrOp removeXattr;

    public MetadataGrpcService(MetadataCore core) {
        this.core = core;
        getRoot = new GetRootOp(core);
        createShare = new io.dittofs.metadata.core.ops.CreateShareOp(core);
        deleteShare = new io.dittofs.metadata.core.ops.DeleteShareOp(core);
        lookup = new LookupOp(core);
        getAttr = new GetAttrOp(core);
        setAttr = new SetAttrOp(core);
        access = new AccessOp(core);
        create = new CreateOp(core);
        readLink = new ReadLinkOp(core);
        remove = new RemoveOp(core);
        rename = new RenameOp(core);
        link = new LinkOp(core);
        readDir = new ReadDirOp(core);
        recordWrite = new RecordWriteOp(core);
        commit = new CommitOp(core);
        fsStat = new FsStatOp(core);
        fsInfo = new FsInfoOp(core);
        getXattr = new GetXattrOp(core);
        setXattr = new SetXattrOp(core);
        listXattrs = new ListXattrsOp(core);
        removeXattr = new RemoveXattrOp(core);
    }

    public MetadataCore core() {
        return core;
    }

    private static <Q, R> void answer(Op<Q, R> op, Q request, StreamObserver<R> out) {
        out.onNext(op.run(request));
        out.onCompleted();
    }

    @Override
    public void getRoot(GetRootRequest r, StreamObserver<GetRootResponse> o) {
        answer(getRoot, r, o);
    }

    @Override
    public void createShare(io.dittofs.contracts.metadata.v1.CreateShareRequest r,
                            StreamObserver<io.dittofs.contracts.metadata.v1.CreateShareResponse> o) {
        answer(createShare, r, o);
    }

    @Override
    public void deleteShare(io.dittofs.contracts.metadata.v1.DeleteShareRequest r,
                            StreamObserver<io.dittofs.contracts.metadata.v1.DeleteShareResponse> o) {
        answer(deleteShare, r, o);
    }

    @Override
    public void lookup(LookupRequest r, StreamObserver<LookupResponse> o) {
        answer(lookup, r, o);
    }

    @Override
    public void getAttr(GetAttrRequest r, StreamObserver<GetAttrResponse> o) {
        answer(getAttr, r, o);
    }

    @Override
    public void setAttr(SetAttrRequest r, StreamObserver<SetAttrResponse> o) {
        answer(setAttr, r, o);
    }

    @Override
    public void access(AccessRequest r, StreamObserver<AccessResponse> o) {
        answer(access, r, o);
    }

    @Override
    public void create(CreateRequest r, StreamObserver<CreateResponse> o) {
        answer(create, r, o);
    }

    @Override
    public void readLink(ReadLinkRequest r, StreamObserver<ReadLinkResponse> o) {
        answer(readLink, r, o);
    }

    @Override
    public void remove(RemoveRequest r, StreamObserver<RemoveResponse> o) {
        answer(remove, r, o);
    }

    @Override
    public void rename(RenameRequest r, StreamObserver<RenameResponse> o) {
        answer(rename, r, o);
    }

    @Override
    public void link(LinkRequest r, StreamObserver<LinkResponse> o) {
        answer(link, r, o);
    }

    @Override
    public void readDir(ReadDirRequest r, StreamObserver<ReadDirResponse> o) {
        answer(readDir, r, o);
    }

    @Override
    public void recordWrite(RecordWriteRequest r, StreamObserver<RecordWriteResponse> o) {
        answer(recordWrite, r, o);
    }

    @Override
    public void commit(CommitRequest r, StreamObserver<CommitResponse> o) {
        answer(commit, r, o);
    }

    @Override
    public void fsStat(FsStatRequest r, StreamObserver<FsStatResponse> o) {
        answer(fsStat, r, o);
    }

    @Override
    public void fsInfo(FsInfoRequest r, StreamObserver<FsInfoResponse> o) {
        answer(fsInfo, r, o);
    }

    @Override
    public void getXattr(GetXattrRequest r, StreamObserver<GetXattrResponse> o) {
        answer(getXattr, r, o);
    }

    @Override
    public void setXattr(SetXattrRequest r, StreamObserver<SetXattrResponse> o) {
        answer(setXattr, r, o);
    }

    @Override
    public void listXattrs(ListXattrsRequest r, StreamObserver<ListXattrsResponse> o) {
        answer(listXattrs, r, o);
    }

    @Override
    public void removeXattr(RemoveXattrRequest r, StreamObserver<RemoveXattrResponse> o) {
        answer(removeXattr, r, o);
    }
}
