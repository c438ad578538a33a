package io.dittofs.lock.core;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;

/**
 * Caching grants (SMB oplocks and leases, NFSv4 delegations) against a new open.
 *
 * <p>The holder of a grant is its SMB lease key (opens with the same key share it), the open
 * itself for an SMB oplock, or the client for an NFSv4 delegation. An open by another holder
 * breaks: WRITE always (someone else now has the file open); READ when the new open writes or
 * deletes; HANDLE when the new open would conflict with the holder's share modes (the holder may
 * close its cached handles). R is the base of every valid state, so losing R loses everything,
 * and an NFSv4 recall is all or nothing.
 *
 * <p>A new grant gets WRITE only when no other holder has the file open or holds a grant, READ
 * only when no other holder writes or holds WRITE; HANDLE only with READ.
 */
public final class GrantRules {

    private static final int SHARE_WRITE = 2;
    private static final int SHARE_DELETE = 4;

    private GrantRules() {
    }

    public static ByteString holder(Protocol p, Owner owner, ByteString leaseKey) {
        if (!leaseKey.isEmpty()) {
            return ByteString.copyFromUtf8("L").concat(owner.client()).concat(leaseKey);
        }
        if (p == Protocol.SMB) {
            return ByteString.copyFromUtf8("O").concat(owner.client()).concat(owner.owner());
        }
        return ByteString.copyFromUtf8("C").concat(owner.client());
    }

    /**
     * A grant that must drop to {@code to} before the open may go on; {@code sent} when a break
     * that far is already outstanding (no new event, but the open still waits for it).
     */
    public record Break(GrantEntry grant, int to, boolean sent) {
    }

    /** The breaks an open (access, deny) by {@code holder} requires. */
    public static List<Break> breaksFor(FileState f, ByteString holder, int access, int deny) {
        List<Break> out = new ArrayList<>();
        for (GrantEntry g : f.grants.values()) {
            if (g.holder().equals(holder)) {
                continue;
            }
            int keep = g.bits() & ~GrantEntry.WRITE;
            if ((access & (SHARE_WRITE | SHARE_DELETE)) != 0) {
                keep &= ~GrantEntry.READ;
            }
            if ((keep & GrantEntry.HANDLE) != 0 && holderOpensConflict(f, g, access, deny)) {
                keep &= ~GrantEntry.HANDLE;
            }
            if ((keep & GrantEntry.READ) == 0 || (g.protocol() == Protocol.NFS4 && keep != g.bits())) {
                keep = 0;
            }
            if ((g.bits() & ~keep) != 0) {
                int current = g.breaking() ? g.breakTo() : g.bits();
                out.add(new Break(g, current & keep, (current & ~keep) == 0));
            }
        }
        return out;
    }

    /** Whether the open conflicts only because of opens a HANDLE grant lets its holder close. */
    private static boolean holderOpensConflict(FileState f, GrantEntry g, int access, int deny) {
        for (OpenEntry o : f.opens.values()) {
            if (g.id().equals(o.grantId()) && o.conflictsWith(access, deny)) {
                return true;
            }
        }
        return false;
    }

    /** The bits of {@code wanted} that may be granted to {@code holder} for an open with {@code access}. */
    public static int grantable(FileState f, ByteString holder, ByteString client, Protocol p, int wanted, int access) {
        int bits = wanted & GrantEntry.ALL;
        for (GrantEntry g : f.grants.values()) {
            if (g.holder().equals(holder)) {
                continue;
            }
            bits &= ~GrantEntry.WRITE;
            if ((g.bits() & GrantEntry.WRITE) != 0 || g.breaking()) {
                bits = 0;
            }
        }
        for (OpenEntry o : f.opens.values()) {
            if (ownedBy(f, o, holder, client, p)) {
                continue;
            }
            bits &= ~GrantEntry.WRITE;
            if ((o.access() & (SHARE_WRITE | SHARE_DELETE)) != 0) {
                bits = 0;
            }
        }
        return (bits & GrantEntry.READ) == 0 ? 0 : bits;
    }

    private static boolean ownedBy(FileState f, OpenEntry o, ByteString holder, ByteString client, Protocol p) {
        if (p == Protocol.NFS4) {
            return o.owner().client().equals(client);
        }
        GrantEntry g = o.grantId().isEmpty() ? null : f.grants.get(o.grantId());
        return g != null && g.holder().equals(holder);
    }

    /** The holder's existing grant on the file, if any (a lease key shared by several opens). */
    public static GrantEntry existing(FileState f, ByteString holder) {
        for (GrantEntry g : f.grants.values()) {
            if (g.holder().equals(holder)) {
                return g;
            }
        }
        return null;
    }
}
