package io.dittofs.metadata.core.ops;

import io.dittofs.contracts.StatusException;
import io.dittofs.contracts.common.v1.FileType;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.metadata.v1.GetRootRequest;
import io.dittofs.contracts.metadata.v1.GetRootResponse;
import io.dittofs.metadata.core.Attrs;
import io.dittofs.metadata.core.MetadataCore;
import io.dittofs.metadata.spi.Inode;
import io.dittofs.metadata.spi.StoreTx;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The root of a share, created on first use. The share's id and root inode are recorded under
 * the share name, so both are stable across restarts and handles keep their share id.
 */
public final class GetRootOp extends Op<GetRootRequest, GetRootResponse> {

    static final String SHARE_PREFIX = "share/";
    static final String NEXT_SHARE = "next-share-id";

    public GetRootOp(MetadataCore core) {
        super(core);
    }

    @Override
    protected GetRootResponse execute(GetRootRequest req) {
        String name = req.getShare();
        if (name.isEmpty() || name.getBytes(StandardCharsets.UTF_8).length > 255 || name.indexOf(0) >= 0) {
            throw new StatusException(Status.INVAL, "bad share name");
        }
        Inode root = core.store().read(tx -> find(tx, name))
                .orElseGet(() -> core.store().write(tx -> find(tx, name).orElseGet(() -> create(tx, name))));
        return GetRootResponse.newBuilder().setHandle(core.handle(root)).setAttr(Attrs.of(root))
                .setShareId(root.share()).build();
    }

    private Optional<Inode> find(StoreTx tx, String name) {
        return tx.meta(SHARE_PREFIX + name).map(v -> {
            long rootId = ByteBuffer.wrap(v).getLong(4);
            return tx.inode(rootId).orElseThrow(() -> new IllegalStateException("root inode of share " + name + " missing"));
        });
    }

    private Inode create(StoreTx tx, String name) {
        int shareId = tx.meta(NEXT_SHARE).map(v -> ByteBuffer.wrap(v).getInt()).orElse(1);
        tx.putMeta(NEXT_SHARE, ByteBuffer.allocate(4).putInt(shareId + 1).array());
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
        tx.putMeta(SHARE_PREFIX + name, ByteBuffer.allocate(12).putInt(shareId).putLong(root.id()).array());
        return root;
    }

    @Override
    protected GetRootResponse failure(GetRootRequest req, Status status) {
        return GetRootResponse.newBuilder().setStatus(status).build();
    }
}
