package io.dittofs.gateway.access;

import io.dittofs.gateway.identity.Principal;
import io.dittofs.gateway.identity.Principals;
import io.dittofs.gateway.identity.Squashing;
import io.dittofs.gateway.share.Share;
import io.dittofs.gateway.share.ShareIds;
import io.dittofs.gateway.share.ShareProtocol;
import io.dittofs.gateway.share.SharePermissions;
import io.dittofs.gateway.share.Network;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The one place share rules are applied, for every protocol: allowed networks, read-only,
 * per-user permission level (judged on the identity the client asserted) and squash. Costs map
 * reads only (no service call), so protocols call it per operation: NFSv3 on every call, NFSv4
 * whenever the current handle crosses into another share, SMB at tree connect.
 */
public final class ShareGate {

    private final ShareIds shares;
    private final ShareProtocol protocol;

    /** The gate of one protocol: a share not served over it is UNKNOWN_SHARE, as if it did not exist. */
    public ShareGate(ShareIds shares, ShareProtocol protocol) {
        this.shares = shares;
        this.protocol = protocol;
    }

    /** For a call on an object of share {@code shareId} (from its handle). */
    public Decision check(long shareId, InetAddress client, Principal caller, Intent intent) {
        Share share = shares.share(shareId).orElse(null);
        if (share == null) {
            return new Decision.Denied(Denial.UNKNOWN_SHARE);
        }
        return check(share, client, caller, intent);
    }

    /** For a share found by name or export path (MOUNT, TREE_CONNECT); null is UNKNOWN_SHARE. */
    public Decision check(Share share, InetAddress client, Principal caller, Intent intent) {
        if (share == null || !share.serves(protocol)) {
            return new Decision.Denied(Denial.UNKNOWN_SHARE);
        }
        if (!share.allows(client)) {
            return new Decision.Denied(Denial.NETWORK_DENIED);
        }
        if (share.readOnly() && intent == Intent.MODIFY) {
            return new Decision.Denied(Denial.READ_ONLY);
        }
        SharePermissions.Level level = share.permissions().of(Principals.contract(caller));
        if (level == SharePermissions.Level.NONE || (level == SharePermissions.Level.READ && intent == Intent.MODIFY)) {
            return new Decision.Denied(Denial.NO_PERMISSION);
        }
        Principal effective = Squashing.apply(caller, share.squash(), share.anonUid(), share.anonGid());
        return new Decision.Allowed(share.name(), effective,
                !share.readOnly() && level == SharePermissions.Level.READ_WRITE);
    }

    /** Who may connect, as CIDR strings (MOUNT EXPORT groups); empty = everyone. */
    public List<String> clientGroups(Share share) {
        return share.networks().stream().map(ShareGate::format).toList();
    }

    private static String format(Network n) {
        try {
            return InetAddress.getByAddress(n.address()).getHostAddress() + "/" + n.prefix();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a parsed network always has a valid address", e);
        }
    }
}
