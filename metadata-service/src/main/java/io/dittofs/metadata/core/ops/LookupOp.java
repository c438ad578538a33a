package io.dittofs.metadata.core.ops;

import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.metadata.v1.LookupRequest;
import io.dittofs.contracts.metadata.v1.LookupResponse;
import io.dittofs.metadata.core.Attrs;
import io.dittofs.metadata.core.Caller;
import io.dittofs.metadata.core.HandleCodec;
import io.dittofs.metadata.core.MetadataCore;
import io.dittofs.metadata.core.Names;
import io.dittofs.metadata.core.Perms;
import io.dittofs.metadata.spi.DirEntry;
import io.dittofs.metadata.spi.Inode;
import java.util.Optional;

/** One name in a directory; needs search (x) permission on the directory. */
public final class LookupOp extends Op<LookupRequest, LookupResponse> {

    public LookupOp(MetadataCore core) {
        super(core);
    }

    @Override
    protected LookupResponse execute(LookupRequest req) {
        Caller caller = Caller.of(req.hasIdentity(), req.getIdentity());
        HandleCodec.Ref ref = core.ref(req.getDir());
        String name = req.getName();
        Names.validateLookup(name);
        return core.store().read(tx -> {
            Inode dir = MetadataCore.requireDir(core.resolve(tx, ref));
            Perms.require(dir, caller, Perms.X);
            Inode child;
            if (name.equals(".")) {
                child = dir;
            } else if (name.equals("..")) {
                child = tx.inode(dir.parent()).orElse(dir);
            } else {
                Optional<DirEntry> entry = tx.entry(dir.id(), name);
                Optional<Inode> found = entry.flatMap(e -> tx.inode(e.child()));
                if (found.isEmpty()) {
                    return LookupResponse.newBuilder().setStatus(Status.NOENT).setDirAttr(Attrs.of(dir)).build();
                }
                child = found.get();
            }
            return LookupResponse.newBuilder().setHandle(core.handle(child)).setAttr(Attrs.of(child))
                    .setDirAttr(Attrs.of(dir)).build();
        });
    }

    @Override
    protected LookupResponse failure(LookupRequest req, Status status) {
        return LookupResponse.newBuilder().setStatus(status).build();
    }
}
