package io.dittofs.lock.core.ops;

import com.google.protobuf.ByteString;
import io.dittofs.contracts.lock.v1.OpenResponse;
import io.dittofs.lock.core.FileState;
import io.dittofs.lock.core.GrantEntry;
import io.dittofs.lock.core.LockTable;
import io.dittofs.lock.core.OpenEntry;
import io.dittofs.lock.core.Owner;

/** A reclaimed open: the owner's open from before the restart with the same share bits, and its grant. */
final class OpenReclaim {

    private OpenReclaim() {
    }

    /** @return the reclaimed open, or null when there is nothing to reclaim (the open is then made anew) */
    static OpenResponse reclaim(LockTable t, FileState f, Owner owner, ByteString holder, int access, int deny) {
        OpenEntry old = null;
        for (OpenEntry o : f.opens()) {
            if (o.fromBefore() && o.owner().equals(owner) && o.access() == access && o.deny() == deny) {
                old = o;
                break;
            }
        }
        if (old == null) {
            return null;
        }
        OpenEntry open = old;
        GrantEntry grant = open.grantId().isEmpty() ? null
                : f.grants().stream().filter(g -> g.id().equals(open.grantId()) && g.holder().equals(holder))
                .findFirst().orElse(null);
        return t.write(ch -> {
            ch.putOpen(open.reclaimed(), false);
            OpenResponse.Builder out = OpenResponse.newBuilder().setOpenId(open.id());
            if (grant != null) {
                if (grant.fromBefore()) {
                    ch.putGrant(grant.reclaimed(), false);
                }
                out.setGrantId(grant.id()).setGrantedGrantBits(grant.bits());
            }
            return out.build();
        });
    }
}
