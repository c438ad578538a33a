package io.dittofs.gateway.identity;

import io.dittofs.gateway.share.Squash;

/** A share's squash rule applied to a caller: who the services see. */
public final class Squashing {

    private Squashing() {
    }

    public static Principal apply(Principal caller, Squash squash, int anonUid, int anonGid) {
        boolean squashed = switch (squash) {
            case NONE -> false;
            case ROOT -> caller.uid() == 0;
            case ALL -> true;
        };
        return squashed ? caller.as(anonUid, anonGid) : caller;
    }
}
