package io.dittofs.metadata.core.ops;

import io.dittofs.contracts.StatusException;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.metadata.v1.Released;
import io.dittofs.contracts.metadata.v1.RenameRequest;
import io.dittofs.contracts.metadata.v1.RenameResponse;
import io.dittofs.metadata.core.Attrs;
import io.dittofs.metadata.core.Caller;
import io.dittofs.metadata.core.HandleCodec;
import io.dittofs.metadata.core.MetadataCore;
import io.dittofs.metadata.core.Names;
import io.dittofs.metadata.core.Perms;
import io.dittofs.metadata.spi.DirEntry;
import io.dittofs.metadata.spi.Inode;
import io.dittofs.metadata.spi.StoreTx;
import java.util.Optional;

/**
 * rename(2), atomically in one store transaction: the source name, the replaced target (if any),
 * both directories and the moved inode change together or not at all.
 */
public final class RenameOp extends Op<RenameRequest, RenameResponse> {

    public RenameOp(MetadataCore core) {
        super(core);
    }

    @Override
    protected RenameResponse execute(RenameRequest req) {
        Caller c = Caller.of(req.hasIdentity(), req.getIdentity());
        HandleCodec.Ref fromRef = core.ref(req.getFromDir());
        HandleCodec.Ref toRef = core.ref(req.getToDir());
        Names.validate(req.getFromName());
        Names.validate(req.getToName());
        if (fromRef.share() != toRef.share()) {
            throw new StatusException(Status.XDEV, "rename across shares");
        }
        RenameResponse resp = core.store().writeNamespace(tx -> {
            Inode from = MetadataCore.requireDir(core.resolve(tx, fromRef));
            Inode to = from.id() == toRef.id() ? from : MetadataCore.requireDir(core.resolve(tx, toRef));
            boolean sameDir = from.id() == to.id();
            Perms.require(to, c, Perms.W | Perms.X);
            DirEntry srcEntry = tx.entry(from.id(), req.getFromName())
                    .orElseThrow(() -> new StatusException(Status.NOENT, req.getFromName() + " not in " + from.id()));
            Inode src = tx.inode(srcEntry.child()).orElseThrow(() -> new StatusException(Status.SERVERFAULT, "dangling entry"));
            // taking the name away is a delete in the source directory (DELETE_CHILD / DELETE with ACLs)
            Perms.requireRemovable(from, src, c);
            Perms.requireStickyOk(from, src, c);
            Optional<DirEntry> dstEntry = tx.entry(to.id(), req.getToName());
            if (dstEntry.isPresent() && dstEntry.get().child() == src.id()) {
                // two names of one inode (or the very same name): POSIX says do nothing
                return RenameResponse.newBuilder().setFromDirWcc(Attrs.wcc(from, from)).setToDirWcc(Attrs.wcc(to, to)).build();
            }
            if (src.isDirectory()) {
                refuseLoop(tx, src, to);
                if (!sameDir) {
                    // the moved directory's ".." changes, which needs write permission on it
                    Perms.require(src, c, Perms.W);
                }
            }
            Inode dst = dstEntry.map(e -> tx.inode(e.child())
                    .orElseThrow(() -> new StatusException(Status.SERVERFAULT, "dangling entry"))).orElse(null);
            if (dst != null) {
                if (req.getNoReplace()) {
                    throw new StatusException(Status.EXIST, req.getToName() + " exists");
                }
                if (src.isDirectory() && !dst.isDirectory()) {
                    throw new StatusException(Status.NOTDIR, "directory over a non-directory");
                }
                if (!src.isDirectory() && dst.isDirectory()) {
                    throw new StatusException(Status.ISDIR, "non-directory over a directory");
                }
                Unlinker.requireEmpty(tx, dst);
                Perms.requireStickyOk(to, dst, c);
            }
            long now = core.now();
            Released replaced = dst == null ? null : Unlinker.unlink(core, tx, to, dstEntry.get(), dst, now);
            tx.deleteEntry(from.id(), srcEntry);
            int srcDir = src.isDirectory() ? 1 : 0;
            int dstDir = dst != null && dst.isDirectory() ? 1 : 0;
            Inode.Edit t = to.edit();
            tx.putEntry(to.id(), new DirEntry(req.getToName(), src.id(), MetadataCore.nextCookie(t)));
            Inode fromAfter;
            Inode toAfter;
            if (sameDir) {
                fromAfter = toAfter = core.touchDir(tx, t.build(), now, -dstDir);
            } else {
                toAfter = core.touchDir(tx, t.build(), now, srcDir - dstDir);
                fromAfter = core.touchDir(tx, from, now, -srcDir);
            }
            Inode.Edit s = src.edit();
            s.ctime = now;
            s.change = src.change() + 1;
            if (src.isDirectory()) {
                s.parent = to.id();
            }
            tx.putInode(s.build());
            RenameResponse.Builder r = RenameResponse.newBuilder()
                    .setFromDirWcc(Attrs.wcc(from, fromAfter)).setToDirWcc(Attrs.wcc(to, toAfter))
                    .setMoved(core.handle(src));
            if (replaced != null) {
                r.setReplaced(replaced);
            }
            return r.build();
        });
        if (resp.getReplaced().hasPayloadId()) {
            core.drain().kick(resp.getReplaced().getPayloadId().getValue().toByteArray());
        }
        return resp;
    }

    /** A directory must not move below itself: walk up from the target directory to the root. */
    private static void refuseLoop(StoreTx tx, Inode src, Inode to) {
        long cur = to.id();
        while (true) {
            if (cur == src.id()) {
                throw new StatusException(Status.INVAL, "directory " + src.id() + " would move into its own subtree");
            }
            long at = cur;
            Inode i = tx.inode(at).orElseThrow(() -> new StatusException(Status.SERVERFAULT, "broken parent chain at " + at));
            if (i.parent() == cur) {
                return;
            }
            cur = i.parent();
        }
    }

    @Override
    protected RenameResponse failure(RenameRequest req, Status status) {
        return RenameResponse.newBuilder().setStatus(status).build();
    }
}
