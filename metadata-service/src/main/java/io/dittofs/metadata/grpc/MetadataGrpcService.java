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
import io.dittofs.contracts.common.v1.FileHandle;
import io.dittofs.metadata.grpc.coherence.CoherenceHeaders;
import io.dittofs.metadata.grpc.coherence.InvalidationHub;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The gRPC face of the namespace. Each RPC delegates to its operation class; file-system
 * outcomes travel as the response's Status, so the call itself always completes normally.
 * Every mutation is published to the {@link InvalidationHub} after it committed and before it is
 * answered (gateway attribute caches, docs/architecture.md).
 */
public final class MetadataGrpcService implements MetadataServiceGrpc.AsyncService, io.grpc.BindableService {

    /** The lease when none is configured (dittofs.metadata.cache-lease). */
    public static final Duration DEFAULT_CACHE_LEASE = Duration.ofSeconds(2);

    private final MetadataCore core;
    private final InvalidationHub hub;
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
        this(core, new InvalidationHub(DEFAULT_CACHE_LEASE));
    }

    public MetadataGrpcService(MetadataCore core, InvalidationHub hub) {
        this.core = core;
        this.hub = hub;
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

    public InvalidationHub hub() {
        return hub;
    }

    /** With {@link CoherenceHeaders}: the origin of each call and its invalidation in the answer. */
    @Override
    public ServerServiceDefinition bindService() {
        return ServerInterceptors.intercept(MetadataServiceGrpc.bindService(this), new CoherenceHeaders());
    }

    /**
     * A mutation: answered only after what it changed is published. Published whatever its
     * status: a failed mutation changed nothing, and the cost of telling is one wasted round.
     */
    private <Q, R> void mutate(Op<Q, R> op, Q request, StreamObserver<R> out, BiConsumer<R, Affected> affected) {
        R response = op.run(request);
        Affected a = new Affected();
        affected.accept(response, a);
        publish(a.change);
        out.onNext(response);
        out.onCompleted();
    }

    /** What a mutation changed: whole objects, directories' attributes only, and names. */
    private static final class Affected {
        final Invalidation.Builder change = Invalidation.newBuilder();

        /** Attributes, access results and every cached name inside (a directory whose mode changed). */
        Affected object(FileHandle h) {
            if (!h.getValue().isEmpty()) {
                change.addHandles(h);
            }
            return this;
        }

        /** A directory whose attributes changed because {@code name} in it did; its other names did not. */
        Affected entry(FileHandle dir, String name) {
            if (!dir.getValue().isEmpty()) {
                change.addAttrs(dir).addNames(EntryName.newBuilder().setDir(dir).setName(name));
            }
            return this;
        }
    }

    private void publish(Invalidation.Builder change) {
        CoherenceHeaders.CallState call = CoherenceHeaders.current();
        var inv = hub.publish(call == null ? null : call.origin(), change);
        if (call != null && inv != null) {
            call.outcome(inv);
        }
    }

    @Override
    public StreamObserver<WatchRequest> watchInvalidations(StreamObserver<WatchEvent> events) {
        return hub.watch(events);
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
        DeleteShareResponse resp = deleteShare.run(r);
        publish(Invalidation.newBuilder().setAll(true));
        o.onNext(resp);
        o.onCompleted();
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
        mutate(setAttr, r, o, (resp, a) -> a.object(r.getHandle()));
    }

    @Override
    public void access(AccessRequest r, StreamObserver<AccessResponse> o) {
        answer(access, r, o);
    }

    @Override
    public void create(CreateRequest r, StreamObserver<CreateResponse> o) {
        mutate(create, r, o, (resp, a) -> a.entry(r.getDir(), r.getName()).object(resp.getHandle()));
    }

    @Override
    public void readLink(ReadLinkRequest r, StreamObserver<ReadLinkResponse> o) {
        answer(readLink, r, o);
    }

    @Override
    public void remove(RemoveRequest r, StreamObserver<RemoveResponse> o) {
        mutate(remove, r, o, (resp, a) -> a.entry(r.getDir(), r.getName()).object(resp.getReleased().getHandle()));
    }

    @Override
    public void rename(RenameRequest r, StreamObserver<RenameResponse> o) {
        mutate(rename, r, o, (resp, a) -> a.entry(r.getFromDir(), r.getFromName()).entry(r.getToDir(), r.getToName())
                .object(resp.getMoved()).object(resp.getReplaced().getHandle()));
    }

    @Override
    public void link(LinkRequest r, StreamObserver<LinkResponse> o) {
        mutate(link, r, o, (resp, a) -> a.object(r.getHandle()).entry(r.getDir(), r.getName()));
    }

    @Override
    public void readDir(ReadDirRequest r, StreamObserver<ReadDirResponse> o) {
        answer(readDir, r, o);
    }

    @Override
    public void recordWrite(RecordWriteRequest r, StreamObserver<RecordWriteResponse> o) {
        mutate(recordWrite, r, o, (resp, a) -> a.object(r.getHandle()));
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
        mutate(setXattr, r, o, (resp, a) -> a.object(r.getHandle()));
    }

    @Override
    public void listXattrs(ListXattrsRequest r, StreamObserver<ListXattrsResponse> o) {
        answer(listXattrs, r, o);
    }

    @Override
    public void removeXattr(RemoveXattrRequest r, StreamObserver<RemoveXattrResponse> o) {
        mutate(removeXattr, r, o, (resp, a) -> a.object(r.getHandle()));
    }
}
