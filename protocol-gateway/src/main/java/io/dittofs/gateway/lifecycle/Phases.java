package io.dittofs.gateway.lifecycle;

/**
 * SmartLifecycle phases of the gateway's parts, in one place so that neither the share registry
 * nor the listeners need to know each other's package.
 */
public final class Phases {

    /** Late start, early stop: after the gRPC hosts (lower phases) and before them on shutdown. */
    public static final int LISTENERS = Integer.MAX_VALUE - 1000;
    /** Shares are known before any listener accepts a client. */
    public static final int SHARES = LISTENERS - 500;

    private Phases() {
    }
}
