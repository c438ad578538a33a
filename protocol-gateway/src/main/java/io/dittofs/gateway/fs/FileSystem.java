package io.dittofs.gateway.fs;

import io.dittofs.gateway.fs.model.AccessMode;
import io.dittofs.gateway.fs.model.AccessResult;
import io.dittofs.gateway.fs.model.AllocatedResult;
import io.dittofs.gateway.fs.model.AttrResult;
import io.dittofs.gateway.fs.model.CommitResult;
import io.dittofs.gateway.fs.model.CreateResult;
import io.dittofs.gateway.fs.model.CreateSpec;
import io.dittofs.gateway.fs.model.DirPage;
import io.dittofs.gateway.fs.model.DirQuery;
import io.dittofs.gateway.fs.model.FsInfo;
import io.dittofs.gateway.fs.model.FsStat;
import io.dittofs.gateway.fs.model.FsStatus;
import io.dittofs.gateway.fs.model.Wcc;
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
 * The gateway's one door to state, in neutral terms: every protocol calls this and nothing else
 * reaches the services. File-system outcomes come back as a status inside the result; a call that
 * could not reach a service throws {@link ServiceCallException}. Every method checks the caller's
 * permissions in the namespace, except I/O through an {@link OpenFile}, whose access was checked
 * when it was opened.
 */
public interface FileSystem {

    RootResult root(Principal who, String share);

    AttrResult getAttr(Principal who, Handle h);

    /** {@link #getAttr} with the explicit ACL filled in ({@link io.dittofs.gateway.fs.model.FileAttr#acl()}). */
    default AttrResult getAttrWithAcl(Principal who, Handle h) {
        return getAttr(who, h);
    }

    /** A size change is applied to the content too. @param guard ctime the object must still have, or null */
    SetAttrResult setAttr(Principal who, Handle h, SetAttrs attrs, Time guard);

    LookupResult lookup(Principal who, Handle dir, String name);

    /** @param requested {@link io.dittofs.gateway.fs.model.AccessBits} */
    AccessResult access(Principal who, Handle h, int requested);

    ReadLinkResult readLink(Principal who, Handle h);

    CreateResult create(Principal who, Handle dir, String name, CreateSpec spec);

    /** The last link of a regular file releases its content. */
    RemoveResult remove(Principal who, Handle dir, String name, RemoveKind kind);

    /** A replaced last link releases its content. */
    RenameResult rename(Principal who, Handle fromDir, String from, Handle toDir, String to);

    LinkResult link(Principal who, Handle file, Handle dir, String name);

    DirPage readDir(Principal who, Handle dir, DirQuery query);

    FsStat fsStat(Principal who, Handle h);

    FsInfo fsInfo(Principal who, Handle h);

    /** Checks {@code access} once (one namespace call) and returns what I/O through the open needs. */
    OpenResult open(Principal who, Handle h, AccessMode access);

    /**
     * Reads through an open granted READ: content only, no namespace call. The size known at open
     * time bounds the read; content not yet written below it reads as zeros.
     */
    ReadResult read(OpenFile file, long offset, int count);

    /** One-shot write: the namespace checks write permission while recording it, then the content. */
    WriteResult write(Principal who, Handle h, long offset, ByteBuffer data, Stability stability);

    /**
     * Write through an open granted WRITE: recorded as written through an open, so no second
     * permission check stands between the file's owner and a file whose mode changed since the open.
     */
    WriteResult write(OpenFile file, long offset, ByteBuffer data, Stability stability);

    /**
     * Through an open granted READ: the ranges of [offset, offset+length) (length 0 = to the end)
     * that may hold nonzero data, at most {@code max}, bounded by the size known at open time.
     * Holes and stored runs of zeros (64 KiB pieces, see docs/block-service.md) are left out.
     */
    AllocatedResult allocated(OpenFile file, long offset, long length, int max);

    /**
     * Through an open granted WRITE: [offset, offset+length) reads as zeros afterwards and stores
     * nothing (punch hole); the part past the open's size is ignored, the file never grows. Recorded
     * as a write (times move); durable before the reply.
     */
    WriteResult deallocate(OpenFile file, long offset, long length);

    /**
     * Makes [targetOffset, targetOffset+length) of {@code target} (granted WRITE) a copy of the same
     * range of {@code source} (granted READ) by reference: the two share the content's blocks, no
     * bytes move where both offsets are block-aligned (reflink). The target may grow; the caller
     * checks the source range lies within the source's size. Durable before the reply.
     */
    WriteResult cloneRange(OpenFile source, long sourceOffset, OpenFile target, long targetOffset, long length);

    /** Makes written data durable (any open, even {@link AccessMode#NONE}). */
    CommitResult commit(OpenFile file, long offset, long count);

    /**
     * A stateless read (NFSv3): {@link #open} for READ then {@link #read(OpenFile, long, int)} in one
     * facade call, so an implementation may overlap the permission check with the content read.
     */
    /** The value of extended attribute {@code name} (full name, namespace prefix included); NOXATTR when absent. */
    default XattrResult.Value getXattr(Principal who, Handle h, String name) {
        return new XattrResult.Value(FsStatus.NOTSUPP, null);
    }

    /** Sets extended attribute {@code name}: XATTR_EXISTS (CREATE) or NOXATTR (REPLACE) per {@code mode}. */
    default XattrResult.Changed setXattr(Principal who, Handle h, String name, byte[] value, XattrResult.SetMode mode) {
        return new XattrResult.Changed(FsStatus.NOTSUPP, Wcc.NONE);
    }

    /** At most {@code maxEntries} names from {@code cookie} (0: the first page). */
    default XattrResult.Names listXattrs(Principal who, Handle h, long cookie, int maxEntries) {
        return new XattrResult.Names(FsStatus.NOTSUPP, java.util.List.of(), 0, true);
    }

    /** Removes extended attribute {@code name}; NOXATTR when absent. */
    default XattrResult.Changed removeXattr(Principal who, Handle h, String name) {
        return new XattrResult.Changed(FsStatus.NOTSUPP, Wcc.NONE);
    }

    default ReadResult read(Principal who, Handle h, long offset, int count) {
        OpenResult o = open(who, h, AccessMode.READ);
        if (!o.status().ok()) {
            return ReadResult.failed(o.status(), o.attr());
        }
        return read(o.file(), offset, count);
    }

    /** A stateless COMMIT: {@link #open} with no access then {@link #commit(OpenFile, long, long)}, overlappable likewise. */
    default CommitResult commit(Principal who, Handle h, long offset, long count) {
        OpenResult o = open(who, h, AccessMode.NONE);
        if (!o.status().ok()) {
            return new CommitResult(o.status(), o.attr(), null);
        }
        return commit(o.file(), offset, count);
    }

}
