package io.dittofs.metadata.core.ops;

import io.dittofs.contracts.StatusException;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.metadata.v1.Released;
import io.dittofs.contracts.metadata.v1.RemoveKind;
import io.dittofs.contracts.metadata.v1.RemoveRequest;
import io.dittofs.contracts.metadata.v1.RemoveResponse;
import io.dittofs.metadata.core.Attrs;
import io.dittofs.metadata.core.Caller;
import io.dittofs.metadata.core.HandleCodec;
import io.dittofs.metadata.core.MetadataCore;
import io.dittofs.metadata.core.Names;
import io.dittofs.metadata.core.Perms;
import io.dittofs.metadata.spi.DirEntry;
import io.dittofs.metadata.spi.Inode;

/** unlink(2) / rmdir(2) / NFSv4 REMOVE, chosen by RemoveKind. */
public final class RemoveOp extends Op<RemoveRequest, RemoveResponse> {

    public RemoveOp(MetadataCore core) {
        super(core);
    }

    @Override
    protected RemoveResponse execute(RemoveRequest req) {
        Caller c = Caller.of(req.hasIdentity(), req.getIdentity());
        HandleCodec.Ref ref = core.ref(req.getDir());
        Names.validate(req.getName());
        RemoveResponse resp = core.store().writeNamespace(tx -> {
            Inode dir = MetadataCore.requireDir(core.resolve(tx, ref));
            DirEntry entry = tx.entry(dir.id(), req.getName())
                    .orElseThrow(() -> new StatusException(Status.NOENT, req.getName() + " not in " + dir.id()));
            Inode victim = tx.inode(entry.child()).orElseThrow(() -> new StatusException(Status.SERVERFAULT, "dangling entry"));
            if (req.getKind() == RemoveKind.REMOVE_NON_DIR && victim.isDirectory()) {
                throw new StatusException(Status.ISDIR, "unlink of a directory");
            }
            if (req.getKind() == RemoveKind.REMOVE_DIR && !victim.isDirectory()) {
                throw new StatusException(Status.NOTDIR, "rmdir of a non-directory");
            }
            Perms.requireRemovable(dir, victim, c);
            Perms.requireStickyOk(dir, victim, c);
            Unlinker.requireEmpty(tx, victim);
            long now = core.now();
            Released released = Unlinker.unlink(core, tx, dir, entry, victim, now);
            Inode after = core.touchDir(tx, dir, now, victim.isDirectory() ? -1 : 0);
            return RemoveResponse.newBuilder().setDirWcc(Attrs.wcc(dir, after)).setReleased(released).build();
        });
        if (resp.getReleased().hasPayloadId()) {
            core.drain().kick(resp.getReleased().getPayloadId().getValue().toByteArray());
        }
        return resp;
    }

    @Override
    protected RemoveResponse failure(RemoveRequest req, Status status) {
        return RemoveResponse.newBuilder().setStatus(status).build();
    }
}
