package io.dittofs.gateway.rpc;

import java.util.List;

/** The caller's credential from the call header (RFC 5531 §8, AUTH_SYS in Appendix A). */
public sealed interface Credential {

    int AUTH_NONE = 0;
    int AUTH_SYS = 1;

    record None() implements Credential {
    }

    /** AUTH_SYS: uid, gid and at most 16 supplementary groups, as the client claims them. */
    record Sys(long stamp, String machine, int uid, int gid, List<Integer> gids) implements Credential {
        public Sys {
            gids = List.copyOf(gids);
        }
    }
}
