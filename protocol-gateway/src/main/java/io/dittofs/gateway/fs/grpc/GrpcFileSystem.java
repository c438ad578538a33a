package io.dittofs.gateway.fs.grpc;

import io.dittofs.gateway.fs.FileSystem;
import io.dittofs.gateway.fs.model.AccessMode;
import io.dittofs.gateway.fs.model.AccessResult;
import io.dittofs.gateway.fs.model.AllocatedResult;
import io.dittofs.gateway.fs.model.AttrResult;
import io.dittofs.gateway.fs.model.CommitResult;
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
import io.dittofs.gateway.fs.model.OpenFile;
import io.dittofs.gateway.fs.model.OpenResult;
import io.dittofs.gateway.fs.model.ReadLinkResult;
import io.dittofs.gateway.fs.model.ReadResult;
import io.dittofs.gateway.fs.model.RemoveKind;
import io.dittofs.gateway.fs.model.RemoveResult;
import io.dittofs.gateway.fs.model.RenameResult;
import io.dittofs.gateway.fs.model.RootResult;
import io.dittofs.gateway.fs.model.SetAttrResult;
import io.dittofs.gateway.fs.model.SetAttrs;
import io.dittofs.gateway.fs.model.Stability;
import io.dittofs.gateway.fs.model.Time;
import io.dittofs.gateway.fs.model.Wcc;
import io.dittofs.gateway.fs.model.WriteResult;
import io.dittofs.gateway.fs.model.XattrResult;
import io.dittofs.gateway.identity.Principal;
import io.grpc.Channel;
import java.nio.ByteBuffer;

/**
 * {@link FileSystem} over the metadata-service (namespace) and the block-service (content).
 * Single-service operations go straight to their part; operations that span both go through
 * {@link SpanningRules}. No method makes more service calls than the operation needs: an
 * operation on attributes is one metadata call, a read through an open one block call.
 */
public final class GrpcFileSystem implements FileSystem {

    private static final byte[] NO_VERIFIER = new byte[8];

    /** Files whose content id the gateway remembers; each entry is a handle and 16-byte id. */
    private static final int CONTENT_IDS = 65_536;

    private final Namespace namespace;
    private final Content content;
    private final SpanningRules rules;
    private final ContentIds contentIds = new ContentIds(CONTENT_IDS);

    public GrpcFileSystem(Channel metadata, Channel block) {
        this.namespace = new Namespace(metadata);
        this.content = new Content(block);
        this.rules = new SpanningRules(namespace, content);
    }

    @Override
    public RootResult root(Principal who, String share) {
        return namespace.root(who, share);
    }

    @Override
    public AttrResult getAttr(Principal who, Handle h) {
        return namespace.getAttr(who, h, 0);
    }

    @Override
    public AttrResult getAttrWithAcl(Principal who, Handle h) {
        return namespace.getAttrWithAcl(who, h);
    }

    @Override
    public SetAttrResult setAttr(Principal who, Handle h, SetAttrs attrs, Time guard) {
        return rules.setAttr(who, h, attrs, guard);
    }

    @Override
    public LookupResult lookup(Principal who, Handle dir, String name) {
        return namespace.lookup(who, dir, name);
    }

    @Override
    public AccessResult access(Principal who, Handle h, int requested) {
        return namespace.access(who, h, requested);
    }

    @Override
    public ReadLinkResult readLink(Principal who, Handle h) {
        return namespace.readLink(who, h);
    }

    @Override
    public CreateResult create(Principal who, Handle dir, String name, CreateSpec spec) {
        return namespace.create(who, dir, name, spec);
    }

    @Override
    public RemoveResult remove(Principal who, Handle dir, String name, RemoveKind kind) {
        return rules.remove(who, dir, name, kind);
    }

    @Override
    public RenameResult rename(Principal who, Handle fromDir, String from, Handle toDir, String to) {
        return rules.rename(who, fromDir, from, toDir, to);
    }

    @Override
    public LinkResult link(Principal who, Handle file, Handle dir, String name) {
        return namespace.link(who, file, dir, name);
    }

    @Override
    public DirPage readDir(Principal who, Handle dir, DirQuery query) {
        return namespace.readDir(who, dir, query);
    }

    @Override
    public XattrResult.Value getXattr(Principal who, Handle h, String name) {
        return namespace.getXattr(who, h, name);
    }

    @Override
    public XattrResult.Changed setXattr(Principal who, Handle h, String name, byte[] value, XattrResult.SetMode mode) {
        return namespace.setXattr(who, h, name, value, mode);
    }

    @Override
    public XattrResult.Names listXattrs(Principal who, Handle h, long cookie, int maxEntries) {
        return namespace.listXattrs(who, h, cookie, maxEntries);
    }

    @Override
    public XattrResult.Changed removeXattr(Principal who, Handle h, String name) {
        return namespace.removeXattr(who, h, name);
    }

    @Override
    public FsStat fsStat(Principal who, Handle h) {
        return namespace.fsStat(who, h);
    }

    @Override
    public FsInfo fsInfo(Principal who, Handle h) {
        return namespace.fsInfo(who, h);
    }

    @Override
    public OpenResult open(Principal who, Handle h, AccessMode access) {
        AttrResult a = namespace.getAttr(who, h, access.requiredBits());
        if (!a.status().ok()) {
            return new OpenResult(a.status(), null, a.attr());
        }
        contentIds.remember(h, a.attr());
        return new OpenResult(FsStatus.OK, new OpenFile(h, who, access, a.attr().content(), a.attr()), a.attr());
    }

    /**
     * With the file's content id known, the content read starts before the namespace's permission
     * and size answer and runs alongside it (one round trip of latency instead of two when the
     * services are remote); the bytes are returned only if the namespace grants READ, bounded by
     * the size it reports, and only if it names the same content object.
     */
    @Override
    public ReadResult read(Principal who, Handle h, long offset, int count) {
        ContentId known = contentIds.get(h);
        if (known == null || offset < 0 || count <= 0) {
            return FileSystem.super.read(who, h, offset, count);
        }
        Content.Pending<Content.Read> ahead = content.readAhead(known, offset, count);
        OpenResult o;
        try {
            o = open(who, h, AccessMode.READ);
        } catch (RuntimeException e) {
            ahead.discard();
            throw e;
        }
        if (!o.status().ok() || !known.equals(o.file().content())) {
            ahead.discard();
            return o.status().ok() ? read(o.file(), offset, count) : ReadResult.failed(o.status(), o.attr());
        }
        return rules.read(o.file(), offset, count, ahead);
    }

    /** Like {@link #read(Principal, Handle, long, int)}: the commit runs alongside the namespace call. */
    @Override
    public CommitResult commit(Principal who, Handle h, long offset, long count) {
        ContentId known = contentIds.get(h);
        if (known == null) {
            return FileSystem.super.commit(who, h, offset, count);
        }
        Content.Pending<Content.Committed> ahead = content.commitAhead(known, offset, count);
        OpenResult o;
        try {
            o = open(who, h, AccessMode.NONE);
        } catch (RuntimeException e) {
            ahead.discard();
            throw e;
        }
        if (!o.status().ok() || !known.equals(o.file().content())) {
            ahead.discard();
            return o.status().ok() ? commit(o.file(), offset, count) : new CommitResult(o.status(), o.attr(), null);
        }
        // the namespace commit still runs: unstable writes left their size/time updates off the disk
        Namespace.Committed n = namespace.commit(o.file().principal(), h);
        Content.Committed c = ahead.get();
        if (!n.status().ok()) {
            return new CommitResult(n.status(), o.attr(), NO_VERIFIER);
        }
        return new CommitResult(c.status(), o.attr(), SpanningRules.verifier(c.verifier(), n.verifier()));
    }

    @Override
    public ReadResult read(OpenFile file, long offset, int count) {
        if (!file.granted().reads()) {
            return ReadResult.failed(FsStatus.ACCESS, file.attr());
        }
        return rules.read(file, offset, count);
    }

    @Override
    public WriteResult write(Principal who, Handle h, long offset, ByteBuffer data, Stability stability) {
        WriteResult w = rules.write(who, h, offset, data, stability, false);
        contentIds.remember(h, w.wcc().after());
        return w;
    }

    @Override
    public WriteResult write(OpenFile file, long offset, ByteBuffer data, Stability stability) {
        if (!file.granted().writes()) {
            return new WriteResult(FsStatus.ACCESS, Wcc.after(file.attr()), 0, stability, NO_VERIFIER);
        }
        return rules.write(file.principal(), file.handle(), offset, data, stability, true);
    }

    @Override
    public AllocatedResult allocated(OpenFile file, long offset, long length, int max) {
        if (!file.granted().reads()) {
            return AllocatedResult.failed(FsStatus.ACCESS);
        }
        long size = file.attr().size();
        long end = length == 0 || length > Long.MAX_VALUE - offset ? size : Math.min(size, offset + length);
        if (file.content() == null || offset < 0 || end <= offset) {
            return new AllocatedResult(FsStatus.OK, java.util.List.of(), false);
        }
        return content.allocated(file.content(), offset, end - offset, max);
    }

    @Override
    public WriteResult deallocate(OpenFile file, long offset, long length) {
        if (!file.granted().writes()) {
            return new WriteResult(FsStatus.ACCESS, Wcc.after(file.attr()), 0, Stability.FILE_SYNC, NO_VERIFIER);
        }
        return rules.deallocate(file, offset, length);
    }

    @Override
    public WriteResult cloneRange(OpenFile source, long sourceOffset, OpenFile target, long targetOffset, long length) {
        if (!source.granted().reads() || !target.granted().writes()) {
            return new WriteResult(FsStatus.ACCESS, Wcc.after(target.attr()), 0, Stability.FILE_SYNC, NO_VERIFIER);
        }
        return rules.cloneRange(source, sourceOffset, target, targetOffset, length);
    }

    @Override
    public CommitResult commit(OpenFile file, long offset, long count) {
        // namespace first: unstable writes left their size/time updates off the disk until now
        Namespace.Committed n = namespace.commit(file.principal(), file.handle());
        if (!n.status().ok()) {
            return new CommitResult(n.status(), file.attr(), NO_VERIFIER);
        }
        if (file.content() == null) {
            // never written: nothing more to make durable, but the client still compares verifiers
            return new CommitResult(FsStatus.OK, file.attr(), SpanningRules.verifier(content.verifier(), n.verifier()));
        }
        Content.Committed c = content.commit(file.content(), offset, count);
        return new CommitResult(c.status(), file.attr(), SpanningRules.verifier(c.verifier(), n.verifier()));
    }

}
