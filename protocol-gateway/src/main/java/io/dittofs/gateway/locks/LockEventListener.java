package io.dittofs.gateway.locks;

@FunctionalInterface
public interface LockEventListener {

    /** Called on a gRPC thread; must not block for long (hand slow work to a virtual thread). */
    void onEvent(LockEvent event);
}
