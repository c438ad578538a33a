package io.dittofs.gateway.fs;

import io.dittofs.gateway.fs.NamespaceEvents.Action;
import io.dittofs.gateway.fs.NamespaceEvents.Change;
import io.dittofs.gateway.fs.model.AccessMode;
import io.dittofs.gateway.fs.model.AccessResult;
import io.dittofs.gateway.fs.model.AllocatedResult;
import io.dittofs.gateway.fs.model.AttrResult;
import io.dittofs.gateway.fs.model.CommitResult;
import io.dittofs.gateway.fs.model.CreateResult;
import io.dittofs.gateway.fs.model.CreateSpec;
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
import io.dittofs.gateway.fs.model.WriteResult;
import io.dittofs.gateway.fs.model.XattrResult;
import io.dittofs.gateway.identity.Principal;
import java.nio.ByteBuffer;

/**
 * The facade with change notification: every successful namespace change made through it (NFS,
 * SMB, whatever calls the gateway's {@link FileSystem}) is published to {@link NamespaceEvents}.
 * Reads and lookups only teach the events where objects sit. While nobody watches, a change costs
 * one check and no extra call; while someone does, a remove or rename of unknown type costs one
 * lookup first (to tell a directory from a file).
 */
public final class NotifyingFileSystem implements FileSystem {

    private final FileSystem fs;
    private final NamespaceEvents events;

    public NotifyingFileSystem(FileSystem fs, NamespaceEvents events) {
        this.fs = fs;
        this.events = events;
    }

    public NamespaceEvents events() {
        return events;
    }

    @Override
    public RootResult root(Principal who, String share) {
        return fs.root(who, share);
    }

    @Override
    public AttrResult getAttr(Principal who, Handle h) {
        return fs.getAttr(who, h);
    }

    @Override
    public AttrResult getAttrWithAcl(Principal who, Handle h) {
        return fs.getAttrWithAcl(who, h);
    }

    @Override
    public SetAttrResult setAttr(Principal who, Handle h, SetAttrs attrs, Time guard) {
        SetAttrResult r = fs.setAttr(who, h, attrs, guard);
        if (r.status().ok() && events.watched()) {
            int what = (attrs.mode() != null ? NamespaceEvents.ATTRIBUTES | NamespaceEvents.SECURITY : 0)
                    | (attrs.uid() != null || attrs.gid() != null ? NamespaceEvents.SECURITY : 0)
                    | (attrs.size() != null ? NamespaceEvents.SIZE | NamespaceEvents.LAST_WRITE : 0)
                    | (attrs.mtime() != null ? NamespaceEvents.LAST_WRITE : 0)
                    | (attrs.atime() != null ? NamespaceEvents.LAST_ACCESS : 0);
            modified(h, what);
        }
        return r;
    }

    @Override
    public LookupResult lookup(Principal who, Handle dir, String name) {
        LookupResult r = fs.lookup(who, dir, name);
        if (r.status().ok()) {
            events.placed(r.handle(), dir, name);
        }
        return r;
    }

    @Override
    public XattrResult.Value getXattr(Principal who, Handle h, String name) {
        return fs.getXattr(who, h, name);
    }

    @Override
    public XattrResult.Changed setXattr(Principal who, Handle h, String name, byte[] value, XattrResult.SetMode mode) {
        return fs.setXattr(who, h, name, value, mode);
    }

    @Override
    public XattrResult.Names listXattrs(Principal who, Handle h, long cookie, int maxEntries) {
        return fs.listXattrs(who, h, cookie, maxEntries);
    }

    @Override
    public XattrResult.Changed removeXattr(Principal who, Handle h, String name) {
        return fs.removeXattr(who, h, name);
    }

    @Override
    public AccessResult access(Principal who, Handle h, int requested) {
        return fs.access(who, h, requested);
    }

    @Override
    public ReadLinkResult readLink(Principal who, Handle h) {
        return fs.readLink(who, h);
    }

    @Override
    public CreateResult create(Principal who, Handle dir, String name, CreateSpec spec) {
        CreateResult r = fs.create(who, dir, name, spec);
        if (r.status().ok()) {
            events.placed(r.handle(), dir, name);
            if (!r.existed() && events.watched()) {
                boolean directory = r.attr() != null && r.attr().type() == FileType.DIRECTORY;
                events.publish(new Change(dir, name, Action.ADDED, directory, NamespaceEvents.NAME));
            }
        }
        return r;
    }

    @Override
    public RemoveResult remove(Principal who, Handle dir, String name, RemoveKind kind) {
        boolean watched = events.watched();
        Handle gone = null;
        boolean directory = kind == RemoveKind.DIRECTORY;
        if (watched && kind == RemoveKind.ANY) {
            LookupResult l = fs.lookup(who, dir, name);
            directory = l.status().ok() && l.attr() != null && l.attr().type() == FileType.DIRECTORY;
            gone = l.status().ok() ? l.handle() : null;
        }
        RemoveResult r = fs.remove(who, dir, name, kind);
        if (r.status().ok()) {
            if (gone != null && directory) {
                events.forget(gone);
            }
            if (watched) {
                events.publish(new Change(dir, name, Action.REMOVED, directory, NamespaceEvents.NAME));
            }
        }
        return r;
    }

    @Override
    public RenameResult rename(Principal who, Handle fromDir, String from, Handle toDir, String to) {
        boolean watched = events.watched();
        LookupResult moving = watched ? fs.lookup(who, fromDir, from) : null;
        RenameResult r = fs.rename(who, fromDir, from, toDir, to);
        if (r.status().ok()) {
            if (moving != null && moving.status().ok()) {
                events.placed(moving.handle(), toDir, to);
            }
            if (watched) {
                boolean directory = moving != null && moving.status().ok() && moving.attr() != null
                        && moving.attr().type() == FileType.DIRECTORY;
                boolean sameDir = fromDir.equals(toDir);
                events.publish(new Change(fromDir, from, sameDir ? Action.RENAMED_OLD_NAME : Action.REMOVED, directory,
                        NamespaceEvents.NAME));
                events.publish(new Change(toDir, to, sameDir ? Action.RENAMED_NEW_NAME : Action.ADDED, directory,
                        NamespaceEvents.NAME));
            }
        }
        return r;
    }

    @Override
    public LinkResult link(Principal who, Handle file, Handle dir, String name) {
        LinkResult r = fs.link(who, file, dir, name);
        if (r.status().ok() && events.watched()) {
            events.publish(new Change(dir, name, Action.ADDED, false, NamespaceEvents.NAME));
        }
        return r;
    }

    @Override
    public DirPage readDir(Principal who, Handle dir, DirQuery query) {
        return fs.readDir(who, dir, query);
    }

    @Override
    public FsStat fsStat(Principal who, Handle h) {
        return fs.fsStat(who, h);
    }

    @Override
    public FsInfo fsInfo(Principal who, Handle h) {
        return fs.fsInfo(who, h);
    }

    @Override
    public OpenResult open(Principal who, Handle h, AccessMode access) {
        return fs.open(who, h, access);
    }

    @Override
    public ReadResult read(OpenFile file, long offset, int count) {
        return fs.read(file, offset, count);
    }

    @Override
    public WriteResult write(Principal who, Handle h, long offset, ByteBuffer data, Stability stability) {
        WriteResult r = fs.write(who, h, offset, data, stability);
        if (r.status().ok() && events.watched()) {
            modified(h, NamespaceEvents.SIZE | NamespaceEvents.LAST_WRITE);
        }
        return r;
    }

    @Override
    public WriteResult write(OpenFile file, long offset, ByteBuffer data, Stability stability) {
        WriteResult r = fs.write(file, offset, data, stability);
        if (r.status().ok() && events.watched()) {
            modified(file.handle(), NamespaceEvents.SIZE | NamespaceEvents.LAST_WRITE);
        }
        return r;
    }

    @Override
    public AllocatedResult allocated(OpenFile file, long offset, long length, int max) {
        return fs.allocated(file, offset, length, max);
    }

    @Override
    public WriteResult deallocate(OpenFile file, long offset, long length) {
        WriteResult r = fs.deallocate(file, offset, length);
        if (r.status().ok() && r.count() > 0 && events.watched()) {
            modified(file.handle(), NamespaceEvents.LAST_WRITE);
        }
        return r;
    }

    @Override
    public WriteResult cloneRange(OpenFile source, long sourceOffset, OpenFile target, long targetOffset, long length) {
        WriteResult r = fs.cloneRange(source, sourceOffset, target, targetOffset, length);
        if (r.status().ok() && events.watched()) {
            modified(target.handle(), NamespaceEvents.SIZE | NamespaceEvents.LAST_WRITE);
        }
        return r;
    }

    @Override
    public CommitResult commit(OpenFile file, long offset, long count) {
        return fs.commit(file, offset, count);
    }

    @Override
    public ReadResult read(Principal who, Handle h, long offset, int count) {
        return fs.read(who, h, offset, count);
    }

    @Override
    public CommitResult commit(Principal who, Handle h, long offset, long count) {
        return fs.commit(who, h, offset, count);
    }

    /** A change of {@code h}'s properties, reported in its directory when the gateway knows where it sits. */
    private void modified(Handle h, int what) {
        NamespaceEvents.Place p = events.place(h);
        if (p != null && what != 0) {
            events.publish(new Change(p.parent(), p.name(), Action.MODIFIED, false, what));
        }
    }

}
