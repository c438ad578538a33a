package io.dittofs.gateway.share;

import io.dittofs.contracts.common.v1.Identity;
import java.util.Map;

/**
 * Who may use a share: grants per uid and per gid (resolved from the control plane's user and
 * group names when the configuration changes, so a call costs map reads only) and a default for
 * callers without a grant. The most permissive of the caller's user grant and group grants wins.
 */
public record SharePermissions(Level defaultLevel, Map<Integer, Level> byUid, Map<Integer, Level> byGid) {

    public enum Level { NONE, READ, READ_WRITE }

    /** Everyone may read and write (the static, property-configured shares). */
    public static final SharePermissions EVERYONE = new SharePermissions(Level.READ_WRITE, Map.of(), Map.of());

    public SharePermissions {
        byUid = Map.copyOf(byUid);
        byGid = Map.copyOf(byGid);
    }

    /** The caller's level, judged on the identity the client asserted (before squash). */
    public Level of(Identity caller) {
        Level best = byUid.get(caller.getUid());
        best = max(best, byGid.get(caller.getGid()));
        for (int g : caller.getGidsList()) {
            best = max(best, byGid.get(g));
        }
        return best == null ? defaultLevel : best;
    }

    private static Level max(Level a, Level b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }
}
