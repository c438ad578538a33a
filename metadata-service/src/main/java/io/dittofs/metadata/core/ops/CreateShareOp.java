package io.dittofs.metadata.core.ops;

import io.dittofs.contracts.StatusException;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.metadata.v1.CreateShareRequest;
import io.dittofs.contracts.metadata.v1.CreateShareResponse;
import io.dittofs.metadata.core.MetadataCore;
import io.dittofs.metadata.spi.Inode;
import io.dittofs.metadata.spi.StoreTx;
import java.util.Optional;

/**
 * The root of a share the control plane just created, with the id it assigned. Idempotent (the
 * control plane retries until it succeeds). A name first used by GetRoot before the control
 * plane got here (a MOUNT racing the creation) is taken over if its namespace is still empty;
 * otherwise the id or the name belongs to another share and the answer is EXIST.
 */
public final class CreateShareOp extends Op<CreateShareRequest, CreateShareResponse> {

    public CreateShareOp(MetadataCore core) {
        super(core);
    }

    @Override
    protected CreateShareResponse execute(CreateShareRequest req) {
        String name = req.getName();
        ShareNames.validate(name);
        int id = req.getShareId();
        if (id <= 0) {
            throw new StatusException(Status.INVAL, "share id must be 1..2^31-1 (got " + Integer.toUnsignedString(id) + ")");
        }
        Inode root = core.store().write(tx -> {
            Optional<String> owner = ShareRoots.nameOf(tx, id);
            if (owner.isPresent() && !owner.get().equals(name)) {
                throw new StatusException(Status.EXIST, "share id " + id + " belongs to share " + owner.get());
            }
            Optional<ShareRoots.Found> existing = ShareRoots.byName(tx, name);
            if (existing.isPresent()) {
                ShareRoots.Found f = existing.get();
                if (f.shareId() == id) {
                    if (owner.isEmpty()) {
                        adopt(tx, name, id, f.root());
                    }
                    return f.root();
                }
                boolean managed = ShareRoots.nameOf(tx, f.shareId()).isPresent();
                if (managed || owner.isPresent() || !emptyAutoShare(tx, f)) {
                    throw new StatusException(Status.EXIST, "share " + name + " has id " + f.shareId() + ", not " + id);
                }
                tx.deleteInode(f.root().id());
            }
            if (owner.isEmpty() && ShareRoots.nextAutoId(tx) > id) {
                // below the counter: the id may belong to a share first used by name (there is no
                // index by id for those), or to a deleted share; either way it is not this one's
                throw new StatusException(Status.EXIST, "share id " + id + " may already have been used in this store");
            }
            return ShareRoots.create(core, tx, name, id, true);
        });
        return CreateShareResponse.newBuilder().setRoot(core.handle(root)).build();
    }

    private static boolean emptyAutoShare(StoreTx tx, ShareRoots.Found f) {
        return tx.entries(f.root().id(), 0, 1).isEmpty();
    }

    /** A share first used by name that got the very id the control plane assigned: record it as managed. */
    private static void adopt(StoreTx tx, String name, int id, Inode root) {
        byte[] n = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        tx.putMeta(ShareRoots.BY_ID + id, java.nio.ByteBuffer.allocate(8 + n.length).putLong(root.id()).put(n).array());
    }

    @Override
    protected CreateShareResponse failure(CreateShareRequest req, Status status) {
        return CreateShareResponse.newBuilder().setStatus(status).build();
    }
}
