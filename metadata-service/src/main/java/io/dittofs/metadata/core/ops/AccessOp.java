package io.dittofs.metadata.core.ops;

import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.metadata.v1.AccessBits;
import io.dittofs.contracts.metadata.v1.AccessRequest;
import io.dittofs.contracts.metadata.v1.AccessResponse;
import io.dittofs.metadata.core.Acls;
import io.dittofs.metadata.core.Attrs;
import io.dittofs.metadata.core.Caller;
import io.dittofs.metadata.core.HandleCodec;
import io.dittofs.metadata.core.MetadataCore;
import io.dittofs.metadata.core.Perms;
import io.dittofs.metadata.spi.Inode;

/** NFS ACCESS: which of the requested AccessBits the mode bits (or the explicit ACL) grant the caller. */
public final class AccessOp extends Op<AccessRequest, AccessResponse> {

    public AccessOp(MetadataCore core) {
        super(core);
    }

    /** The subset of {@code requested} that the caller holds on {@code i}. */
    public static int grant(Inode i, Caller c, int requested) {
        boolean dir = i.isDirectory();
        boolean r = Perms.allowed(i, c, Perms.R);
        boolean w = Perms.allowed(i, c, Perms.W);
        boolean x = Perms.allowed(i, c, Perms.X);
        int g = 0;
        g |= r ? AccessBits.ACCESS_READ_VALUE | AccessBits.ACCESS_XATTR_READ_VALUE | AccessBits.ACCESS_XATTR_LIST_VALUE : 0;
        g |= w ? AccessBits.ACCESS_MODIFY_VALUE | AccessBits.ACCESS_EXTEND_VALUE | AccessBits.ACCESS_XATTR_WRITE_VALUE : 0;
        g |= dir && x ? AccessBits.ACCESS_LOOKUP_VALUE : 0;
        if (dir) {
            // deleting an entry needs write and search on the directory (DELETE_CHILD with an ACL)
            boolean child = i.hasAcl() ? Acls.allows(i, c, Acls.DELETE_CHILD) : w;
            g |= child && x ? AccessBits.ACCESS_DELETE_VALUE : 0;
        } else if (i.hasAcl() && Acls.allows(i, c, Acls.DELETE)) {
            // on a non-directory: its ACL grants DELETE of the object itself (RFC 8881 §6.2.1.3.2)
            g |= AccessBits.ACCESS_DELETE_VALUE;
        }
        g |= !dir && x ? AccessBits.ACCESS_EXECUTE_VALUE : 0;
        return g & requested;
    }

    @Override
    protected AccessResponse execute(AccessRequest req) {
        Caller caller = Caller.of(req.hasIdentity(), req.getIdentity());
        HandleCodec.Ref ref = core.ref(req.getHandle());
        return core.store().read(tx -> {
            Inode i = core.resolve(tx, ref);
            return AccessResponse.newBuilder().setGranted(grant(i, caller, req.getRequested())).setAttr(Attrs.of(i)).build();
        });
    }

    @Override
    protected AccessResponse failure(AccessRequest req, Status status) {
        return AccessResponse.newBuilder().setStatus(status).build();
    }
}
