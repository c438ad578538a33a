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
 *
 * <p>SMB oplocks (SMB grants without a lease key) between SMB opens follow MS-FSA instead: another
 * SMB open breaks an exclusive or batch oplock to level II (READ) even when it writes, and level II
 * is granted beside SMB writers; the gateway that serves the write breaks level II to none then.
 * Against opens of other protocols (an NFSv4 writer) READ goes as above.
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

    /** Whether {@code g} is an SMB oplock (held by its open, no lease key). */
    static boolean oplock(GrantEntry g) {
        return g.protocol() == Protocol.SMB && g.leaseKey().isEmpty();
    }

    /** The breaks an open (access, deny) by {@code holder} requires. */
    public static List<Break> breaksFor(FileState f, ByteString holder, int access, int deny) {
        return breaksFor(f, holder, access, deny, null);
    }

    /** As above; {@code opener} is the protocol of the new open (null: not an open of a client, e.g. an NLM lock). */
    public static List<Break> breaksFor(FileState f, ByteString holder, int access, int deny, Protocol opener) {
        List<Break> out = new ArrayList<>();
        for (GrantEntry g : f.grants.values()) {
            if (g.holder().equals(holder)) {
                continue;
            }
            int keep = g.bits() & ~GrantEntry.WRITE;
            boolean smbOplock = oplock(g) && opener == Protocol.SMB;
            if ((access & (SHARE_WRITE | SHARE_DELETE)) != 0 && !smbOplock) {
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

    /**
     * Whether an open stays whatever breaks run: it has no grant, or an SMB oplock without HANDLE
     * (level II, exclusive: the client keeps no handle it could close on a break).
     */
    public static boolean pinned(FileState f, OpenEntry o) {
        GrantEntry g = o.grantId().isEmpty() ? null : f.grants.get(o.grantId());
        return g == null || (oplock(g) && (g.bits() & GrantEntry.HANDLE) == 0);
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
        return grantable(f, holder, client, p, wanted, access, false, c -> false);
    }

    /**
     * As above; for an SMB oplock request ({@code oplock}) the other opens {@code smbClient} says are
     * SMB may write: level II is granted beside them (MS-FSA), exclusive caching still is not.
     */
    public static int grantable(FileState f, ByteString holder, ByteString client, Protocol p, int wanted, int access,
                                boolean oplock, java.util.function.Predicate<ByteString> smbClient) {
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
            if ((o.access() & (SHARE_WRITE | SHARE_DELETE)) != 0 && !(oplock && smbClient.test(o.owner().client()))) {
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
