package io.dittofs.gateway.identity;

import java.util.List;

/**
 * Who a call runs as, in the services' terms (uid, gid, supplementary groups), whatever protocol
 * brought it.
 *
 * @param anonymous     the ids are the share's anonymous ids (AUTH_NONE, guest, squashed)
 * @param clientAddress the client's network address, for audit
 */
public record Principal(int uid, int gid, List<Integer> gids, boolean anonymous, String clientAddress) {

    public static final int NOBODY = 65534;

    public Principal {
        gids = List.copyOf(gids);
    }

    public static Principal anonymous(String clientAddress) {
        return new Principal(NOBODY, NOBODY, List.of(), true, clientAddress);
    }

    public static Principal root() {
        return new Principal(0, 0, List.of(), false, "");
    }

    /** The same caller under other ids (squash). */
    public Principal as(int newUid, int newGid) {
        return new Principal(newUid, newGid, List.of(), true, clientAddress);
    }
}
