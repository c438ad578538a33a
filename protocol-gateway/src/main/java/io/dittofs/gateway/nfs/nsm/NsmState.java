package io.dittofs.gateway.nfs.nsm;

/**
 * This server's NSM state number: odd while up, larger after every restart (XNFS). Derived from the
 * start time in seconds, so it grows across restarts without being stored.
 */
public final class NsmState {

    private final int state;

    public NsmState(long startEpochSeconds) {
        this.state = (int) (startEpochSeconds & 0x7ffffffe) | 1;
    }

    public int current() {
        return state;
    }
}
