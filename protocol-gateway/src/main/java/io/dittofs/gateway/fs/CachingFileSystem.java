package io.dittofs.gateway.fs;

import io.dittofs.gateway.fs.model.AccessBits;
import io.dittofs.gateway.fs.model.AccessMode;
import io.dittofs.gateway.fs.model.AccessResult;
import io.dittofs.gateway.fs.model.AllocatedResult;
import io.dittofs.gateway.fs.model.AttrResult;
import io.dittofs.gateway.fs.model.CommitResult;
import io.dittofs.gateway.fs.model.CreateResult;
import io.dittofs.gateway.fs.model.CreateSpec;
import io.dittofs.gateway.fs.model.DirEntry;
import io.dittofs.gateway.fs.model.FileAttr;
import io.dittofs.gateway.fs.model.FsStatus;
import io.dittofs.gateway.fs.model.DirPage;
import io.dittofs.gateway.fs.model.DirQuery;
import io.dittofs.gateway.fs.model.FileType;
import io.dittofs.gateway.fs.model.FsInfo;
import io.dittofs.gateway.fs.model.FsStat;
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
import java.nio.ByteBuffer;

/**
 * Answers GETATTR, LOOKUP, ACCESS and opens (with them NFSv3 READ's namespace half) from an
 * {@link AttrCache} when it can, for a metadata-service in another process (a call there costs
 * ~400 us of CPU, a hit ~1 us). Everything else goes
 * through untouched: the cache learns of this gateway's own mutations from their answers (the
 * invalidation header, applied below {@code delegate}) and of everyone else's from the
 * invalidation stream. A hit makes no service call, so under NonBlocking (the event loop) it is
 * answered on the spot; a miss calls {@code delegate}, whose socket channel refuses under
 * NonBlocking (WouldBlock, the dispatcher retries on a virtual thread).
 */
public final class CachingFileSystem implements FileSystem {

    private final FileSystem delegate;
    private final AttrCache cache;

    public CachingFileSystem(FileSystem delegate, AttrCache cache) {
        this.delegate = delegate;
        this.cache = cache;
    }

    public AttrCache cache() {
        return cache;
    }

    @Override
    public AttrResult getAttr(Principal who, Handle h) {
        FileAttr a = cache.attr(h);
        cache.count(AttrCache.Op.GETATTR, a != null);
        if (a != null) {
            return new AttrResult(FsStatus.OK, a);
        }
        long ticket = cache.ticket();
        AttrResult r = delegate.getAttr(who, h);
        if (r.status().ok()) {
            cache.putAttr(ticket, h, r.attr());
        }
        return r;
    }

    @Override
    public LookupResult lookup(Principal who, Handle dir, String name) {
        AttrCache.Who caller = AttrCache.Who.of(who);
        LookupResult hit = fromCache(dir, name, caller);
        cache.count(AttrCache.Op.LOOKUP, hit != null);
        if (hit != null) {
            return hit;
        }
        long ticket = cache.ticket();
        LookupResult r = delegate.lookup(who, dir, name);
        if (r.dirAttr() != null && (r.status().ok() && r.handle() != null && r.attr() != null
                || r.status() == FsStatus.NOENT)) {
            cache.putAttr(ticket, dir, r.dirAttr());
            if (r.status().ok()) {
                cache.putAttr(ticket, r.handle(), r.attr());
            }
            cache.putLookup(ticket, dir, name, caller, new AttrCache.Lookup(r.status(), r.status().ok() ? r.handle() : null));
        }
        return r;
    }

    private LookupResult fromCache(Handle dir, String name, AttrCache.Who caller) {
        AttrCache.Lookup l = cache.lookup(dir, name, caller);
        if (l == null) {
            return null;
        }
        FileAttr dirAttr = cache.attr(dir);
        if (dirAttr == null) {
            return null;
        }
        if (l.child() == null) {
            return new LookupResult(l.status(), null, null, dirAttr);
        }
        FileAttr attr = cache.attr(l.child());
        return attr == null ? null : new LookupResult(l.status(), l.child(), attr, dirAttr);
    }

    @Override
    public AccessResult access(Principal who, Handle h, int requested) {
        AttrCache.Who caller = AttrCache.Who.of(who);
        Integer granted = cache.access(h, caller, requested);
        FileAttr a = granted == null ? null : cache.attr(h);
        cache.count(AttrCache.Op.ACCESS, a != null);
        if (a != null) {
            return new AccessResult(FsStatus.OK, granted, a);
        }
        long ticket = cache.ticket();
        AccessResult r = delegate.access(who, h, requested);
        if (r.status().ok() && r.attr() != null) {
            cache.putAttr(ticket, h, r.attr());
            cache.putAccess(ticket, h, caller, requested, r.granted());
        }
        return r;
    }

    /** READDIRPLUS brings attributes of every entry: kept for the GETATTRs that follow. */
    @Override
    public DirPage readDir(Principal who, Handle dir, DirQuery query) {
        long ticket = cache.ticket();
        DirPage p = delegate.readDir(who, dir, query);
        if (p.status().ok() && query.withAttrs() && ticket != AttrCache.NO_TICKET) {
            for (DirEntry e : p.entries()) {
                if (e.handle() != null && e.attr() != null && !".".equals(e.name()) && !"..".equals(e.name())) {
                    cache.putAttr(ticket, e.handle(), e.attr());
                }
            }
        }
        return p;
    }

    // ------------------------------------------------------------------ opens and READ: the namespace half from the cache

    /**
     * An open is the namespace's permission check plus the attributes (GetAttr with
     * require_access): answered from the cached attributes and the cached outcome of the same
     * check for the same caller (or an ACCESS result that proves it, {@link AttrCache#opens}).
     */
    @Override
    public OpenResult open(Principal who, Handle h, AccessMode access) {
        AttrCache.Who caller = AttrCache.Who.of(who);
        int required = access.requiredBits();
        FileAttr a = cache.attr(h);
        Boolean passes = a == null ? null : required == 0 ? Boolean.TRUE : cache.opens(h, caller, required);
        cache.count(AttrCache.Op.OPEN, passes != null && usable(a));
        if (passes != null && usable(a)) {
            return passes ? new OpenResult(FsStatus.OK, new OpenFile(h, who, access, a.content(), a), a)
                    : new OpenResult(FsStatus.ACCESS, null, null);
        }
        long ticket = cache.ticket();
        OpenResult r = delegate.open(who, h, access);
        if (r.status().ok() && r.attr() != null) {
            cache.putAttr(ticket, h, r.attr());
            cache.putOpen(ticket, h, caller, required, true);
        } else if (r.status() == FsStatus.ACCESS) {
            cache.putOpen(ticket, h, caller, required, false);
        }
        return r;
    }

    @Override
    public ReadResult read(OpenFile file, long offset, int count) {
        return delegate.read(file, offset, count);
    }

    /**
     * NFSv3 READ: on a hit (attributes and a passed READ check for this caller, both coherent under
     * the lease) only the content is read, through an open made of the cached answer — one
     * block-service call instead of two. A miss goes through {@code delegate} (which reads the
     * content alongside the namespace check) and keeps what its success proves: the attributes the
     * namespace reported and that READ was granted. Why the bytes are right: docs/architecture.md,
     * "READ from the attribute cache".
     */
    @Override
    public ReadResult read(Principal who, Handle h, long offset, int count) {
        AttrCache.Who caller = AttrCache.Who.of(who);
        FileAttr a = cache.attr(h);
        Boolean passes = a == null ? null : cache.opens(h, caller, AccessBits.READ);
        boolean hit = passes != null && usable(a);
        cache.count(AttrCache.Op.OPEN, hit);
        if (hit) {
            return passes ? delegate.read(new OpenFile(h, who, AccessMode.READ, a.content(), a), offset, count)
                    : ReadResult.failed(FsStatus.ACCESS, null);
        }
        long ticket = cache.ticket();
        ReadResult r = delegate.read(who, h, offset, count);
        if (r.status().ok() && r.attr() != null) {
            // OK means the namespace granted READ and reported these attributes
            cache.putAttr(ticket, h, r.attr());
            cache.putOpen(ticket, h, caller, AccessBits.READ, true);
        }
        return r;
    }

    /**
     * Every attribute the metadata-service sends names a regular file's content object; one that
     * does not (a pseudo object, a test's hand-made attributes) is not trusted to open the file.
     */
    private static boolean usable(FileAttr a) {
        return a != null && (a.type() != FileType.REGULAR || a.content() != null);
    }

    // ------------------------------------------------------------------ own changes: post-op attributes kept

    /**
     * A file made here is usually looked up and stat'ed next (untar, then ls -l): its name, its
     * attributes and the directory's post-op attributes are kept, under the own-change rule
     * ({@link AttrCache#afterOwnChange}). Creating needs search permission on the directory, so
     * the caller's LOOKUP would succeed too.
     */
    @Override
    public CreateResult create(Principal who, Handle dir, String name, CreateSpec spec) {
        long ticket = cache.ticket();
        CreateResult r = delegate.create(who, dir, name, spec);
        if (r.status().ok() && r.handle() != null && r.attr() != null && r.dirWcc() != null && r.dirWcc().after() != null) {
            long own = AttrCache.afterOwnChange(ticket);
            cache.putAttr(own, r.handle(), r.attr());
            cache.putAttr(own, dir, r.dirWcc().after());
            cache.putLookup(own, dir, name, AttrCache.Who.of(who), new AttrCache.Lookup(FsStatus.OK, r.handle()));
        }
        return r;
    }

    @Override
    public RemoveResult remove(Principal who, Handle dir, String name, RemoveKind kind) {
        long ticket = cache.ticket();
        RemoveResult r = delegate.remove(who, dir, name, kind);
        if (r.status().ok() && r.dirWcc() != null && r.dirWcc().after() != null) {
            long own = AttrCache.afterOwnChange(ticket);
            cache.putAttr(own, dir, r.dirWcc().after());
            cache.putLookup(own, dir, name, AttrCache.Who.of(who), new AttrCache.Lookup(FsStatus.NOENT, null));
        }
        return r;
    }

    @Override
    public SetAttrResult setAttr(Principal who, Handle h, SetAttrs attrs, Time guard) {
        long ticket = cache.ticket();
        SetAttrResult r = delegate.setAttr(who, h, attrs, guard);
        keep(ticket, h, r.status(), r.wcc());
        return r;
    }

    @Override
    public WriteResult write(Principal who, Handle h, long offset, ByteBuffer data, Stability stability) {
        long ticket = cache.ticket();
        WriteResult r = delegate.write(who, h, offset, data, stability);
        keep(ticket, h, r.status(), r.wcc());
        return r;
    }

    @Override
    public WriteResult write(OpenFile file, long offset, ByteBuffer data, Stability stability) {
        long ticket = cache.ticket();
        WriteResult r = delegate.write(file, offset, data, stability);
        keep(ticket, file.handle(), r.status(), r.wcc());
        return r;
    }

    private void keep(long ticket, Handle h, FsStatus status, Wcc wcc) {
        if (status.ok() && wcc != null && wcc.after() != null) {
            cache.putAttr(AttrCache.afterOwnChange(ticket), h, wcc.after());
        }
    }

    // ------------------------------------------------------------------ the rest goes straight through

    @Override
    public RootResult root(Principal who, String share) {
        return delegate.root(who, share);
    }

    @Override
    public AttrResult getAttrWithAcl(Principal who, Handle h) {
        return delegate.getAttrWithAcl(who, h);
    }


    @Override
    public ReadLinkResult readLink(Principal who, Handle h) {
        return delegate.readLink(who, h);
    }


    @Override
    public RenameResult rename(Principal who, Handle fromDir, String from, Handle toDir, String to) {
        return delegate.rename(who, fromDir, from, toDir, to);
    }

    @Override
    public LinkResult link(Principal who, Handle file, Handle dir, String name) {
        return delegate.link(who, file, dir, name);
    }

    @Override
    public XattrResult.Value getXattr(Principal who, Handle h, String name) {
        return delegate.getXattr(who, h, name);
    }

    @Override
    public XattrResult.Changed setXattr(Principal who, Handle h, String name, byte[] value, XattrResult.SetMode mode) {
        return delegate.setXattr(who, h, name, value, mode);
    }

    @Override
    public XattrResult.Names listXattrs(Principal who, Handle h, long cookie, int maxEntries) {
        return delegate.listXattrs(who, h, cookie, maxEntries);
    }

    @Override
    public XattrResult.Changed removeXattr(Principal who, Handle h, String name) {
        return delegate.removeXattr(who, h, name);
    }

    @Override
    public FsStat fsStat(Principal who, Handle h) {
        return delegate.fsStat(who, h);
    }

    @Override
    public FsInfo fsInfo(Principal who, Handle h) {
        return delegate.fsInfo(who, h);
    }



    @Override
    public AllocatedResult allocated(OpenFile file, long offset, long length, int max) {
        return delegate.allocated(file, offset, length, max);
    }

    @Override
    public WriteResult deallocate(OpenFile file, long offset, long length) {
        return delegate.deallocate(file, offset, length);
    }

    @Override
    public WriteResult cloneRange(OpenFile source, long sourceOffset, OpenFile target, long targetOffset, long length) {
        return delegate.cloneRange(source, sourceOffset, target, targetOffset, length);
    }

    @Override
    public CommitResult commit(OpenFile file, long offset, long count) {
        return delegate.commit(file, offset, count);
    }

    @Override
    public CommitResult commit(Principal who, Handle h, long offset, long count) {
        return delegate.commit(who, h, offset, count);
    }
}
