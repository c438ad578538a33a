package io.dittofs.lock.core.ops;

import io.dittofs.contracts.StatusException;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.lock.v1.AckBreakRequest;
import io.dittofs.contracts.lock.v1.AckBreakResponse;
import io.dittofs.lock.core.GrantEntry;
import io.dittofs.lock.core.LockTable;

/**
 * The holder dropped its grant to {@code new_bits} (0 = returned it: SMB break to none, NFSv4
 * DELEGRETURN). During a break the bits must be within the break's target; otherwise (a voluntary
 * downgrade, or an acknowledgement arriving after revocation) within what it holds. INVAL if not.
 */
public final class AckBreakOp extends Op<AckBreakRequest, AckBreakResponse> {

    public AckBreakOp(LockTable table) {
        super(table);
    }

    @Override
    protected AckBreakResponse execute(AckBreakRequest r) {
        return table.read(t -> {
            GrantEntry g = Opens.grant(t, r.getGrantId());
            Wire.client(t, g.client());
            int keep = r.getNewBits();
            int allowed = g.breaking() ? g.breakTo() : g.bits();
            if ((keep & ~allowed) != 0) {
                throw new StatusException(Status.INVAL, "acknowledged bits " + keep + " exceed " + allowed);
            }
            t.write(ch -> {
                if (keep == 0) {
                    ch.removeGrant(g);
                } else {
                    ch.putGrant(g.withBits(keep), true);
                }
                return null;
            });
            return AckBreakResponse.getDefaultInstance();
        });
    }

    @Override
    protected AckBreakResponse failure(Status status) {
        return AckBreakResponse.newBuilder().setStatus(status).build();
    }
}
