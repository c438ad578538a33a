package io.dittofs.lock.core.ops;

import com.google.protobuf.ByteString;
import io.dittofs.contracts.StatusException;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.lock.v1.OpenRequest;
import io.dittofs.contracts.lock.v1.OpenResponse;
import io.dittofs.lock.core.ClientEntry;
import io.dittofs.lock.core.CoreEvent;
import io.dittofs.lock.core.FileState;
import io.dittofs.lock.core.GrantEntry;
import io.dittofs.lock.core.GrantRules;
import io.dittofs.lock.core.LockTable;
import io.dittofs.lock.core.OpenEntry;
import io.dittofs.lock.core.Owner;
import io.dittofs.lock.core.Protocol;
import java.util.List;

/**
 * An open with a share reservation and, optionally, a caching grant.
 *
 * <p>First the grants of other holders that this open conflicts with are broken (see
 * {@link GrantRules}): each gets a BreakEvent with a deadline. With {@code break_conflicting} the
 * open then waits for them: BREAK_PENDING, and the caller retries once the holders acknowledged
 * (or the deadline revoked them). Without it the open goes on at once. Then share modes: an open
 * whose access meets another open's deny bits, or whose deny bits meet another open's access, is
 * SHARE_DENIED. A granted open may also get a grant: the bits GrantRules allows, shared with an
 * existing grant of the same holder (SMB lease key).
 *
 * <p>With {@code upgrade} (NFSv4) an open of the same owner on the file takes the union of its
 * bits and the new ones, checked against the other opens (and the new bits against its own), and
 * keeps its id.
 *
 * <p>During grace a non-reclaim open that would break or conflict gets GRACE; a reclaim finds its
 * open (and grant) from before the restart and keeps their ids.
 */
public final class OpenOp extends Op<OpenRequest, OpenResponse> {

    public OpenOp(LockTable table) {
        super(table);
    }

    @Override
    protected OpenResponse execute(OpenRequest r) {
        ByteString file = Wire.file(r.getFile());
        Owner owner = Wire.owner(r.getOwner());
        int access = r.getAccess() & 7;
        int deny = r.getDeny() & 7;
        if (r.getGrant().getLeaseKey().size() > 64) {
            throw new StatusException(Status.INVAL, "lease key longer than 64 bytes");
        }
        return table.read(t -> {
            ClientEntry client = Wire.client(t, owner.client());
            boolean grace = t.inGrace();
            if (r.getReclaim() && !grace) {
                throw new StatusException(Status.NO_GRACE, "reclaim outside the grace period");
            }
            FileState f = t.file(file);
            ByteString holder = GrantRules.holder(client.protocol(), owner, r.getGrant().getLeaseKey());
            if (r.getReclaim()) {
                OpenResponse reclaimed = OpenReclaim.reclaim(t, f, owner, holder, access, deny);
                if (reclaimed != null) {
                    return reclaimed;
                }
            }
            OpenEntry mine = r.getUpgrade() ? f.opens().stream()
                    .filter(o -> o.owner().equals(owner) && !o.fromBefore()).findFirst().orElse(null) : null;
            int wantAccess = mine == null ? access : mine.access() | access;
            int wantDeny = mine == null ? deny : mine.deny() | deny;
            List<GrantRules.Break> breaks = GrantRules.breaksFor(f, holder, wantAccess, wantDeny, client.protocol());
            // the owner's own open counts too (RFC 7530 §9.9): its deny bits refuse the new access
            boolean shareConflict = f.opens().stream()
                    .anyMatch(o -> o != mine && o.conflictsWith(wantAccess, wantDeny))
                    || (mine != null && mine.conflictsWith(access, deny));
            if (grace && !r.getReclaim() && (shareConflict || !breaks.isEmpty())) {
                throw new StatusException(Status.GRACE, "conflicting open during the grace period");
            }
            // MS-FSA 2.1.5.1.2: a share conflict with an open that no break can make go away (no
            // grant, or an SMB oplock without handle caching) fails at once, breaking nothing
            if (shareConflict && f.opens().stream().anyMatch(o -> o != mine && o.conflictsWith(wantAccess, wantDeny)
                    && GrantRules.pinned(f, o))) {
                throw new StatusException(Status.SHARE_DENIED, "share reservation conflict");
            }
            if (!breaks.isEmpty()) {
                startBreaks(t, breaks);
                if (r.getBreakConflicting()) {
                    return OpenResponse.newBuilder().setStatus(Status.BREAK_PENDING).build();
                }
            }
            if (shareConflict) {
                throw new StatusException(Status.SHARE_DENIED, "share reservation conflict");
            }
            if (mine != null) {
                return t.write(ch -> {
                    ch.putOpen(mine.with(wantAccess, wantDeny), true);
                    return OpenResponse.newBuilder().setOpenId(mine.id()).build();
                });
            }
            return create(t, f, client, owner, holder, access, deny, r);
        });
    }

    static void startBreaks(LockTable t, List<GrantRules.Break> breaks) {
        long deadline = t.now() + t.settings().breakTimeout().toMillis();
        t.write(ch -> {
            for (GrantRules.Break b : breaks) {
                if (b.sent()) {
                    continue;
                }
                GrantEntry g = b.grant().breakingTo(b.to(), b.grant().breaking() ? b.grant().deadlineMs() : deadline);
                ch.putGrant(g, false);
                t.client(g.client()).ifPresent(c -> ch.event(new CoreEvent.Break(c.gatewayId(), g)));
            }
            return null;
        });
    }

    private static OpenResponse create(LockTable t, FileState f, ClientEntry client, Owner owner, ByteString holder,
                                       int access, int deny, OpenRequest r) {
        return t.write(ch -> {
            OpenResponse.Builder out = OpenResponse.newBuilder();
            ByteString grantId = ByteString.EMPTY;
            int wanted = r.getGrant().getBits();
            if (wanted != 0) {
                boolean oplock = client.protocol() == Protocol.SMB && r.getGrant().getLeaseKey().isEmpty();
                int bits = GrantRules.grantable(f, holder, client.id(), client.protocol(), wanted, access, oplock,
                        c -> t.client(c).map(e -> e.protocol() == Protocol.SMB).orElse(false));
                GrantEntry mine = GrantRules.existing(f, holder);
                if (mine != null && !mine.breaking()) {
                    GrantEntry upgraded = mine.withBits(mine.bits() | bits);
                    ch.putGrant(upgraded, upgraded.bits() != mine.bits());
                    grantId = mine.id();
                    out.setGrantedGrantBits(upgraded.bits()).setGrantId(grantId);
                } else if (bits != 0 && mine == null) {
                    GrantEntry g = new GrantEntry(ch.newId(), f.key(), client.id(), client.protocol(), holder,
                            r.getGrant().getLeaseKey(), bits, r.getGrant().getDirectory(), -1, 0, false);
                    ch.putGrant(g, true);
                    grantId = g.id();
                    out.setGrantedGrantBits(bits).setGrantId(grantId);
                }
            }
            OpenEntry open = new OpenEntry(ch.newId(), f.key(), owner, access, deny, grantId, false);
            ch.putOpen(open, true);
            return out.setOpenId(open.id()).build();
        });
    }

    @Override
    protected OpenResponse failure(Status status) {
        return OpenResponse.newBuilder().setStatus(status).build();
    }
}
