package io.dittofs.metadata.core.ops;

import io.dittofs.contracts.common.v1.FileType;
import io.dittofs.metadata.core.MetadataCore;
import io.dittofs.metadata.spi.Inode;
import io.dittofs.metadata.spi.StoreTx;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where shares are recorded, as meta values of the store:
 * <pre>
 * share/NAME        → share id (4) + root inode id (8)
 * share-id/ID       → root inode id (8) + NAME (UTF-8)     (control-plane shares only)
 * share-deleted/NAME → empty: deleted by the control plane; GetRoot does not create it again
 * next-share-id     → the next id GetRoot hands out to a share first used by name
 * </pre>
 */
final class ShareRoots {

    static final String BY_NAME = "share/";
    static final String BY_ID = "share-id/";
    static final String DELETED = "share-deleted/";
    static final String NEXT_SHARE = "next-share-id";

    record Found(int shareId, Inode root) {
    }

    private ShareRoots() {
    }

    static Optional<Found> byName(StoreTx tx, String name) {
        return tx.meta(BY_NAME + name).map(v -> {
            ByteBuffer b = ByteBuffer.wrap(v);
            int id = b.getInt();
            long rootId = b.getLong();
            return new Found(id, tx.inode(rootId)
                    .orElseThrow(() -> new IllegalStateException("root inode of share " + name + " missing")));
        });
    }

    /** The name a control-plane share id is recorded under, or empty. */
    static Optional<String> nameOf(StoreTx tx, int shareId) {
        return tx.meta(BY_ID + shareId).map(v -> new String(Arrays.copyOfRange(v, 8, v.length), StandardCharsets.UTF_8));
    }

    static int nextAutoId(StoreTx tx) {
        return tx.meta(NEXT_SHARE).map(v -> ByteBuffer.wrap(v).getInt()).orElse(1);
    }

    /** Ids handed out by name must never meet an id the control plane assigned. */
    static void reserve(StoreTx tx, int shareId) {
        if (nextAutoId(tx) <= shareId) {
            tx.putMeta(NEXT_SHARE, ByteBuffer.allocate(4).putInt(shareId + 1).array());
        }
    }

    static Inode create(MetadataCore core, StoreTx tx, String name, int shareId, boolean managed) {
        reserve(tx, shareId);
        long now = core.now();
        Inode.Edit e = new Inode.Edit();
        e.id = tx.allocateId();
        e.share = shareId;
        e.generation = core.randomInt();
        e.type = FileType.DIRECTORY;
        e.mode = core.settings().rootMode();
        e.nlink = 2;
        e.uid = core.settings().rootUid();
        e.gid = core.settings().rootGid();
        e.atime = e.mtime = e.ctime = e.btime = now;
        e.change = 1;
        e.parent = e.id;
        e.nextCookie = ReadDirOp.FIRST_COOKIE;
        Inode root = e.build();
        tx.putInode(root);
        tx.putMeta(BY_NAME + name, ByteBuffer.allocate(12).putInt(shareId).putLong(root.id()).array());
        if (managed) {
            byte[] n = name.getBytes(StandardCharsets.UTF_8);
            tx.putMeta(BY_ID + shareId, ByteBuffer.allocate(8 + n.length).putLong(root.id()).put(n).array());
            tx.deleteMeta(DELETED + name);
        }
        return root;
    }
}
