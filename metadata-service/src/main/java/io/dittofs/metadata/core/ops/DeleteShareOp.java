package io.dittofs.metadata.core.ops;

import io.dittofs.contracts.metadata.v1.DeleteShareRequest;
import io.dittofs.contracts.metadata.v1.DeleteShareResponse;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.metadata.core.MetadataCore;
import io.dittofs.metadata.spi.DirEntry;
import io.dittofs.metadata.spi.Inode;
import io.dittofs.metadata.spi.StoreTx;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Removes a control-plane share's whole namespace in one transaction: every inode, entry and
 * xattr under its root, with each file's content recorded in the outbox (the drain deletes it
 * from the block-service). The name is marked deleted so GetRoot does not create it again; the
 * control plane gives a recreated name a new id, hence an empty root. Handles of the old share
 * answer STALE (their inodes are gone). Idempotent.
 *
 * <p>One transaction keeps the namespace all-or-nothing; it is sized by the share, which is fine
 * for the stores' write batches up to millions of entries but is the place to batch if needed.
 */
public final class DeleteShareOp extends Op<DeleteShareRequest, DeleteShareResponse> {

    private static final int PAGE = 1024;

    public DeleteShareOp(MetadataCore core) {
        super(core);
    }

    @Override
    protected DeleteShareResponse execute(DeleteShareRequest req) {
        int id = req.getShareId();
        long removed = core.store().write(tx -> {
            Optional<String> name = ShareRoots.nameOf(tx, id);
            if (name.isEmpty()) {
                return 0L;
            }
            long count = 0;
            Optional<ShareRoots.Found> f = ShareRoots.byName(tx, name.get());
            if (f.isPresent() && f.get().shareId() == id) {
                count = removeTree(tx, f.get().root());
                tx.deleteMeta(ShareRoots.BY_NAME + name.get());
            }
            tx.deleteMeta(ShareRoots.BY_ID + id);
            tx.putMeta(ShareRoots.DELETED + name.get(), new byte[0]);
            return count;
        });
        if (removed > 0) {
            core.drain().kick();
        }
        return DeleteShareResponse.newBuilder().setInodesRemoved(removed).build();
    }

    /** Depth-first from the root; a file with several links is removed (and released) once. */
    private long removeTree(StoreTx tx, Inode root) {
        long count = 0;
        Deque<Long> dirs = new ArrayDeque<>();
        dirs.push(root.id());
        while (!dirs.isEmpty()) {
            long dir = dirs.pop();
            List<DirEntry> page;
            while (!(page = tx.entries(dir, 0, PAGE)).isEmpty()) {
                for (DirEntry e : page) {
                    tx.deleteEntry(dir, e);
                    Optional<Inode> child = tx.inode(e.child());
                    if (child.isEmpty()) {
                        continue; // a further link of a file already removed
                    }
                    if (child.get().isDirectory()) {
                        dirs.push(child.get().id());
                    } else {
                        core.outbox().released(tx, child.get());
                        tx.deleteInode(child.get().id());
                    }
                    if (!child.get().isDirectory()) {
                        count++;
                    }
                }
            }
            tx.deleteInode(dir);
            count++;
        }
        return count;
    }

    @Override
    protected DeleteShareResponse failure(DeleteShareRequest req, Status status) {
        return DeleteShareResponse.newBuilder().setStatus(status).build();
    }
}
