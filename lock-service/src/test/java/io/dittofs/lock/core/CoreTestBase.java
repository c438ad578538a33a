package io.dittofs.lock.core;

import io.dittofs.lock.spi.LockStore;
import io.dittofs.lock.store.memory.MemoryLockStore;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A core on a memory store with a hand-moved clock; housekeeping runs only when a test ticks. */
public abstract class CoreTestBase {

    protected TestClock clock;
    protected LockStore store;
    protected LockCore core;
    protected Fx fx;

    protected LockSettings settings() {
        return new LockSettings(Duration.ofSeconds(5), Duration.ofSeconds(2));
    }

    @BeforeEach
    void startCore() {
        clock = new TestClock();
        store = new MemoryLockStore();
        core = new LockCore(store, clock, settings(), null);
        fx = new Fx(new DirectApi(core.table()));
    }

    @AfterEach
    void stopCore() {
        core.close();
        store.close();
    }

    protected int locksOn(String file) {
        return core.table().read(t -> t.file(Fx.file(file).getValue()).locks().size());
    }
}
