package io.dittofs.metadata.core.ops;

import io.dittofs.contracts.StatusException;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.metadata.v1.LinkRequest;
import io.dittofs.contracts.metadata.v1.LinkResponse;
import io.dittofs.metadata.core.Attrs;
import io.dittofs.metadata.core.Caller;
import io.dittofs.metadata.core.HandleCodec;
import io.dittofs.metadata.core.MetadataCore;
import io.dittofs.metadata.core.Names;
import io.dittofs.metadata.core.Perms;
import io.dittofs.metadata.spi.DirEntry;
import io.dittofs.metadata.spi.Inode;

/** link(2): a new name for an existing non-directory, within one share. */
public final class LinkOp extends Op<LinkRequest, LinkResponse> {

    public static final int MAX_LINKS = 65000;

    public LinkOp(MetadataCore core) {
        super(core);
    }

    @Override
    protected LinkResponse execute(LinkRequest req) {
        Caller c = Caller.of(req.hasIdentity(), req.getIdentity());
        HandleCodec.Ref fileRef = core.ref(req.getHandle());
        HandleCodec.Ref dirRef = core.ref(req.getDir());
        Names.validate(req.getName());
        if (fileRef.share() != dirRef.share()) {
            throw new StatusException(Status.XDEV, "link across shares");
        }
        return core.store().writeNamespace(tx -> {
            Inode file = core.resolve(tx, fileRef);
            Inode dir = MetadataCore.requireDir(core.resolve(tx, dirRef));
            if (file.isDirectory()) {
                throw new StatusException(Status.ISDIR, "hard link to a directory");
            }
            Perms.require(dir, c, Perms.W | Perms.X);
            if (tx.entry(dir.id(), req.getName()).isPresent()) {
                throw new StatusException(Status.EXIST, req.getName() + " exists in " + dir.id());
            }
            if (file.nlink() >= MAX_LINKS) {
                throw new StatusException(Status.MLINK, "inode " + file.id() + " has " + file.nlink() + " links");
            }
            long now = core.now();
            Inode.Edit d = dir.edit();
            long cookie = MetadataCore.nextCookie(d);
            tx.putEntry(dir.id(), new DirEntry(req.getName(), file.id(), cookie));
            Inode.Edit f = file.edit();
            f.nlink = file.nlink() + 1;
            f.ctime = now;
            f.change = file.change() + 1;
            Inode fileAfter = f.build();
            tx.putInode(fileAfter);
            Inode dirAfter = core.touchDir(tx, d.build(), now, 0);
            return LinkResponse.newBuilder().setAttr(Attrs.of(fileAfter)).setDirWcc(Attrs.wcc(dir, dirAfter)).build();
        });
    }

    @Override
    protected LinkResponse failure(LinkRequest req, Status status) {
        return LinkResponse.newBuilder().setStatus(status).build();
    }
}
