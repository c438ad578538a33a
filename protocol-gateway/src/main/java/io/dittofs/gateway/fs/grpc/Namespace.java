package io.dittofs.gateway.fs.grpc;

import static io.dittofs.gateway.fs.grpc.CommonMapper.handle;
import static io.dittofs.gateway.fs.grpc.CommonMapper.identity;
import static io.dittofs.gateway.fs.grpc.CommonMapper.status;
import static io.dittofs.gateway.fs.grpc.NamespaceMapper.attr;
import static io.dittofs.gateway.fs.grpc.NamespaceMapper.wcc;

import com.google.protobuf.ByteString;
import io.dittofs.contracts.metadata.v1.*;
import io.dittofs.gateway.fs.model.AccessBits;
import io.dittofs.gateway.fs.model.AccessResult;
import io.dittofs.gateway.fs.model.AttrResult;
import io.dittofs.gateway.fs.model.ContentId;
import io.dittofs.gateway.fs.model.CreateResult;
import io.dittofs.gateway.fs.model.CreateSpec;
import io.dittofs.gateway.fs.model.DirPage;
import io.dittofs.gateway.fs.model.DirQuery;
import io.dittofs.gateway.fs.model.FsInfo;
import io.dittofs.gateway.fs.model.FsStat;
import io.dittofs.gateway.fs.model.FsStatus;
import io.dittofs.gateway.fs.model.Handle;
import io.dittofs.gateway.fs.model.LinkResult;
import io.dittofs.gateway.fs.model.LookupResult;
import io.dittofs.gateway.fs.model.ReadLinkResult;
import io.dittofs.gateway.fs.model.RemoveKind;
import io.dittofs.gateway.fs.model.RemoveResult;
import io.dittofs.gateway.fs.model.RenameResult;
import io.dittofs.gateway.fs.model.RootResult;
import io.dittofs.gateway.fs.model.SetAttrResult;
import io.dittofs.gateway.fs.model.SetAttrs;
import io.dittofs.gateway.fs.model.Time;
import io.dittofs.gateway.fs.model.Wcc;
import io.dittofs.gateway.fs.model.XattrResult;
import io.dittofs.gateway.identity.Principal;
import io.grpc.Channel;

/** The namespace part of the facade: one metadata-service call per method, results in model terms. */
final class Namespace {

    /** A removal plus the content object the caller releases (null when the file still has links or the namespace releases it). */
    record Removed(RemoveResult result, ContentId released) {
    }

    record Renamed(RenameResult result, ContentId released) {
    }

    /** A recorded write: where its bytes go. */
    /** verifier: the metadata-service's instance verifier (a restart may have lost unstable size updates). */
    record Recorded(FsStatus status, Wcc wcc, ContentId content, byte[] verifier) {
    }

    record Committed(FsStatus status, byte[] verifier) {
    }

    private final MetadataServiceGrpc.MetadataServiceBlockingStub meta;

    Namespace(Channel channel) {
        this.meta = MetadataServiceGrpc.newBlockingStub(channel);
    }

    RootResult root(Principal who, String share) {
        var r = Rpc.call("GetRoot", () -> meta.getRoot(GetRootRequest.newBuilder().setIdentity(identity(who))
                .setShare(share).build()));
        return new RootResult(status(r.getStatus()), handle(r.getHandle()), attr(r.hasAttr(), r.getAttr()),
                r.getStatus() == io.dittofs.contracts.common.v1.Status.OK ? r.getShareId() : -1);
    }

    AttrResult getAttr(Principal who, Handle h, int requireAccess) {
        var r = Rpc.call("GetAttr", () -> meta.getAttr(GetAttrRequest.newBuilder().setIdentity(identity(who))
                .setHandle(handle(h)).setRequireAccess(requireAccess).build()));
        return new AttrResult(status(r.getStatus()), attr(r.hasAttr(), r.getAttr()));
    }

    AttrResult getAttrWithAcl(Principal who, Handle h) {
        var r = Rpc.call("GetAttr", () -> meta.getAttr(GetAttrRequest.newBuilder().setIdentity(identity(who))
                .setHandle(handle(h)).setWithAcl(true).build()));
        return new AttrResult(status(r.getStatus()), attr(r.hasAttr(), r.getAttr()));
    }

    /**
     * @param content the object's content object after the change (null if none, or when the
     *                namespace resized the content itself), for the content part to follow
     */
    record AttrsSet(SetAttrResult result, ContentId content) {
    }

    AttrsSet setAttr(Principal who, Handle h, SetAttrs attrs, Time guard) {
        SetAttrRequest.Builder req = SetAttrRequest.newBuilder().setIdentity(identity(who)).setHandle(handle(h))
                .setAttrs(NamespaceMapper.setAttrs(attrs));
        if (guard != null) {
            req.setGuardCtime(CommonMapper.time(guard));
        }
        var r = Rpc.call("SetAttr", () -> meta.setAttr(req.build()));
        ContentId content = r.getWcc().getAfter().hasPayloadId() && !r.getContentResized()
                ? CommonMapper.content(r.getWcc().getAfter().getPayloadId()) : null;
        return new AttrsSet(new SetAttrResult(status(r.getStatus()), wcc(r.hasWcc(), r.getWcc())), content);
    }

    LookupResult lookup(Principal who, Handle dir, String name) {
        var r = Rpc.call("Lookup", () -> meta.lookup(LookupRequest.newBuilder().setIdentity(identity(who))
                .setDir(handle(dir)).setName(name).build()));
        return new LookupResult(status(r.getStatus()), handle(r.getHandle()), attr(r.hasAttr(), r.getAttr()),
                attr(r.hasDirAttr(), r.getDirAttr()));
    }

    AccessResult access(Principal who, Handle h, int requested) {
        var r = Rpc.call("Access", () -> meta.access(AccessRequest.newBuilder().setIdentity(identity(who))
                .setHandle(handle(h)).setRequested(requested).build()));
        return new AccessResult(status(r.getStatus()), r.getGranted() & requested, attr(r.hasAttr(), r.getAttr()));
    }

    ReadLinkResult readLink(Principal who, Handle h) {
        var r = Rpc.call("ReadLink", () -> meta.readLink(ReadLinkRequest.newBuilder().setIdentity(identity(who))
                .setHandle(handle(h)).build()));
        return new ReadLinkResult(status(r.getStatus()), r.getTarget(), attr(r.hasAttr(), r.getAttr()));
    }

    CreateResult create(Principal who, Handle dir, String name, CreateSpec spec) {
        var r = Rpc.call("Create", () -> meta.create(NamespaceMapper.create(spec).setIdentity(identity(who))
                .setDir(handle(dir)).setName(name).build()));
        return new CreateResult(status(r.getStatus()), handle(r.getHandle()), attr(r.hasAttr(), r.getAttr()),
                wcc(r.hasDirWcc(), r.getDirWcc()), r.getExisted());
    }

    Removed remove(Principal who, Handle dir, String name, RemoveKind kind) {
        var r = Rpc.call("Remove", () -> meta.remove(RemoveRequest.newBuilder().setIdentity(identity(who))
                .setDir(handle(dir)).setName(name).setKind(NamespaceMapper.kind(kind)).build()));
        return new Removed(new RemoveResult(status(r.getStatus()), wcc(r.hasDirWcc(), r.getDirWcc())), released(r.getReleased()));
    }

    Renamed rename(Principal who, Handle fromDir, String from, Handle toDir, String to) {
        var r = Rpc.call("Rename", () -> meta.rename(RenameRequest.newBuilder().setIdentity(identity(who))
                .setFromDir(handle(fromDir)).setFromName(from).setToDir(handle(toDir)).setToName(to).build()));
        return new Renamed(new RenameResult(status(r.getStatus()), wcc(r.hasFromDirWcc(), r.getFromDirWcc()),
                wcc(r.hasToDirWcc(), r.getToDirWcc())), r.hasReplaced() ? released(r.getReplaced()) : null);
    }

    /** The content the caller must release itself: none when the namespace's outbox does it. */
    private static ContentId released(Released r) {
        return r.hasPayloadId() && !r.getContentQueued() ? CommonMapper.content(r.getPayloadId()) : null;
    }

    LinkResult link(Principal who, Handle file, Handle dir, String name) {
        var r = Rpc.call("Link", () -> meta.link(LinkRequest.newBuilder().setIdentity(identity(who))
                .setHandle(handle(file)).setDir(handle(dir)).setName(name).build()));
        return new LinkResult(status(r.getStatus()), attr(r.hasAttr(), r.getAttr()), wcc(r.hasDirWcc(), r.getDirWcc()));
    }

    DirPage readDir(Principal who, Handle dir, DirQuery q) {
        var r = Rpc.call("ReadDir", () -> meta.readDir(ReadDirRequest.newBuilder().setIdentity(identity(who))
                .setDir(handle(dir)).setCookie(q.cookie()).setVerifier(ByteString.copyFrom(q.verifier()))
                .setMaxEntries(q.maxEntries()).setWithAttrs(q.withAttrs()).setIncludeDotEntries(q.dotEntries()).build()));
        return NamespaceMapper.page(r);
    }

    /** unstable: the size/time update may stay off the disk until {@link #commit} (UNSTABLE writes). */
    Recorded recordWrite(Principal who, Handle h, long offset, long length, boolean openedForWrite, boolean unstable) {
        var r = Rpc.call("RecordWrite", () -> meta.recordWrite(RecordWriteRequest.newBuilder().setIdentity(identity(who))
                .setHandle(handle(h)).setOffset(offset).setLength(length).setOpenedForWrite(openedForWrite)
                .setUnstable(unstable).build()));
        return new Recorded(status(r.getStatus()), wcc(r.hasWcc(), r.getWcc()),
                r.hasPayloadId() ? CommonMapper.content(r.getPayloadId()) : null, r.getVerifier().toByteArray());
    }

    /** Makes every namespace change so far durable (the namespace half of COMMIT). */
    Committed commit(Principal who, Handle h) {
        var r = Rpc.call("Commit", () -> meta.commit(io.dittofs.contracts.metadata.v1.CommitRequest.newBuilder()
                .setIdentity(identity(who)).setHandle(handle(h)).build()));
        return new Committed(status(r.getStatus()), r.getVerifier().toByteArray());
    }

    FsStat fsStat(Principal who, Handle h) {
        var r = Rpc.call("FsStat", () -> meta.fsStat(FsStatRequest.newBuilder().setIdentity(identity(who))
                .setHandle(handle(h)).build()));
        return new FsStat(status(r.getStatus()), r.getTotalBytes(), r.getFreeBytes(), r.getAvailBytes(), r.getTotalFiles(),
                r.getFreeFiles(), r.getAvailFiles(), attr(r.hasAttr(), r.getAttr()));
    }

    FsInfo fsInfo(Principal who, Handle h) {
        var r = Rpc.call("FsInfo", () -> meta.fsInfo(FsInfoRequest.newBuilder().setIdentity(identity(who))
                .setHandle(handle(h)).build()));
        return new FsInfo(status(r.getStatus()), r.getMaxFileSize(), r.getMaxNameBytes(), r.getMaxLinks(),
                r.hasTimeGranularity() ? CommonMapper.time(r.getTimeGranularity()) : null, r.getCaseInsensitive(),
                r.getCasePreserving(), r.getSymlinks(), r.getHardLinks(), attr(r.hasAttr(), r.getAttr()));
    }
    XattrResult.Value getXattr(Principal who, Handle h, String name) {
        var r = Rpc.call("GetXattr", () -> meta.getXattr(GetXattrRequest.newBuilder().setIdentity(identity(who))
                .setHandle(handle(h)).setName(name).build()));
        FsStatus st = status(r.getStatus());
        return new XattrResult.Value(st, st.ok() ? r.getValue().toByteArray() : null);
    }

    XattrResult.Changed setXattr(Principal who, Handle h, String name, byte[] value, XattrResult.SetMode mode) {
        XattrSetMode m = switch (mode) {
            case EITHER -> XattrSetMode.XATTR_EITHER;
            case CREATE -> XattrSetMode.XATTR_CREATE;
            case REPLACE -> XattrSetMode.XATTR_REPLACE;
        };
        var r = Rpc.call("SetXattr", () -> meta.setXattr(SetXattrRequest.newBuilder().setIdentity(identity(who))
                .setHandle(handle(h)).setName(name).setValue(ByteString.copyFrom(value)).setMode(m).build()));
        return new XattrResult.Changed(status(r.getStatus()), wcc(r.hasWcc(), r.getWcc()));
    }

    XattrResult.Names listXattrs(Principal who, Handle h, long cookie, int maxEntries) {
        var r = Rpc.call("ListXattrs", () -> meta.listXattrs(ListXattrsRequest.newBuilder().setIdentity(identity(who))
                .setHandle(handle(h)).setCookie(cookie).setMaxEntries(maxEntries).build()));
        return new XattrResult.Names(status(r.getStatus()), java.util.List.copyOf(r.getNamesList()), r.getCookie(),
                r.getEof());
    }

    XattrResult.Changed removeXattr(Principal who, Handle h, String name) {
        var r = Rpc.call("RemoveXattr", () -> meta.removeXattr(RemoveXattrRequest.newBuilder().setIdentity(identity(who))
                .setHandle(handle(h)).setName(name).build()));
        return new XattrResult.Changed(status(r.getStatus()), wcc(r.hasWcc(), r.getWcc()));
    }
}
