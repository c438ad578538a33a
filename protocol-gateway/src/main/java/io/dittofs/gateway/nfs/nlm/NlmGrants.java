package io.dittofs.gateway.nfs.nlm;

import io.dittofs.gateway.locks.LockEvent;
import io.dittofs.gateway.locks.LockEventListener;
import io.dittofs.gateway.locks.LockManager;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.netty.buffer.Unpooled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the lock-service's granted events for NLM hosts into NLM_GRANTED calls to the host. When
 * the host cannot be reached or answers anything but GRANTED it is not waiting any more, so the
 * lock is released again rather than held for nobody.
 */
public final class NlmGrants implements LockEventListener {

    private static final Logger log = LoggerFactory.getLogger(NlmGrants.class);
    private static final int GRANTED = 5;

    private final NlmHosts hosts;
    private final LockManager locks;
    private final NlmCallbacks callbacks;

    public NlmGrants(NlmHosts hosts, LockManager locks, NlmCallbacks callbacks) {
        this.hosts = hosts;
        this.locks = locks;
        this.callbacks = callbacks;
    }

    @Override
    public void onEvent(LockEvent event) {
        if (!(event instanceof LockEvent.Granted g)) {
            return;
        }
        hosts.byClient(g.target().client()).ifPresent(host -> Thread.ofVirtual().name("nlm-granted").start(() -> {
            NlmXdr.TestArgs args = new NlmXdr.TestArgs(g.lockId(), g.exclusive(),
                    NlmLocks.lock(host.name(), g.target()));
            int stat;
            try {
                var reply = callbacks.call(host.address(), host.version(), GRANTED,
                        out -> NlmXdr.writeTestArgs(out, host.version(), args)).join();
                stat = reply.status().success()
                        ? NlmXdr.res(new XdrReader(Unpooled.wrappedBuffer(reply.results()))).stat()
                        : NlmStatus.FAILED;
            } catch (RuntimeException | XdrException e) {
                log.info("NLM GRANTED to {} ({}) failed: {}", host.name(), host.address().getHostAddress(),
                        e.toString());
                stat = NlmStatus.FAILED;
            }
            if (stat != NlmStatus.GRANTED) {
                log.info("NLM host {} did not take its granted lock (stat {}); releasing it", host.name(), stat);
                locks.unlock(g.target());
            }
        }));
    }
}
