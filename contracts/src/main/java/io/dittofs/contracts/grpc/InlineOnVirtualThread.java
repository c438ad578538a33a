package io.dittofs.contracts.grpc;

import java.util.concurrent.Executor;

/**
 * The executor of an in-process server: a caller that already runs on a virtual thread (a gateway
 * call, a service calling another) runs the service method itself, so an in-process call costs no
 * thread hand-off and no wake-up; any other caller (a platform thread such as a Netty event loop
 * or a scheduler) hands the call to a fresh virtual thread, because service methods block on their
 * stores. Streaming handlers of the services subscribe and return (none waits for events on its
 * thread), so they may run inline as well.
 */
final class InlineOnVirtualThread implements Executor {

    private final Executor fallback;

    InlineOnVirtualThread(Executor fallback) {
        this.fallback = fallback;
    }

    @Override
    public void execute(Runnable task) {
        if (Thread.currentThread().isVirtual()) {
            task.run();
        } else {
            fallback.execute(task);
        }
    }
}
