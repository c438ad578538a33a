package io.dittofs.metadata.core.ops;

import io.dittofs.contracts.StatusException;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.metadata.v1.ListXattrsRequest;
import io.dittofs.contracts.metadata.v1.ListXattrsResponse;
import io.dittofs.metadata.core.Caller;
import io.dittofs.metadata.core.HandleCodec;
import io.dittofs.metadata.core.MetadataCore;
import io.dittofs.metadata.core.Perms;
import io.dittofs.metadata.spi.Inode;
import java.util.List;

/** listxattr(2) in pages; the cookie is the number of names already returned. */
public final class ListXattrsOp extends Op<ListXattrsRequest, ListXattrsResponse> {

    static final int MAX_PAGE = 1024;

    public ListXattrsOp(MetadataCore core) {
        super(core);
    }

    @Override
    protected ListXattrsResponse execute(ListXattrsRequest req) {
        Caller c = Caller.of(req.hasIdentity(), req.getIdentity());
        HandleCodec.Ref ref = core.ref(req.getHandle());
        int max = req.getMaxEntries() == 0 ? MAX_PAGE : Math.min(req.getMaxEntries(), MAX_PAGE);
        return core.store().read(tx -> {
            Inode i = core.resolve(tx, ref);
            Perms.require(i, c, Perms.R);
            List<String> names = tx.xattrNames(i.id());
            long start = req.getCookie();
            if (start < 0 || start > names.size()) {
                throw new StatusException(Status.BAD_COOKIE, "xattr cookie " + start);
            }
            int end = (int) Math.min(names.size(), start + max);
            return ListXattrsResponse.newBuilder().addAllNames(names.subList((int) start, end))
                    .setCookie(end).setEof(end == names.size()).build();
        });
    }

    @Override
    protected ListXattrsResponse failure(ListXattrsRequest req, Status status) {
        return ListXattrsResponse.newBuilder().setStatus(status).build();
    }
}
