package io.dittofs.contracts.control;

import io.dittofs.contracts.control.v1.ConfigEvent;
import io.dittofs.contracts.control.v1.ConfigWatchServiceGrpc;
import io.dittofs.contracts.control.v1.WatchRequest;
import io.dittofs.contracts.grpc.ServiceChannels;
import io.grpc.Channel;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a live in-memory copy of the control-plane configuration from the ConfigWatchService
 * stream: the first message is a snapshot, then one event per change. When the stream breaks it
 * reconnects with backoff and resumes from the last revision it applied (the server replays the
 * missed events, or sends a fresh snapshot). Listeners run on the stream's thread, in revision
 * order, after the view was updated; they must not block.
 *
 * <pre>
 * var watch = new ConfigWatchClient("in-process:dittofs", "gateway-1");
 * watch.addListener((event, view) -> { if (event.hasShareDeleted()) ... });
 * watch.start();
 * watch.awaitInitial(Duration.ofSeconds(30));
 * Share s = watch.view().shareByExportPath("/export").orElseThrow();
 * </pre>
 */
public final class ConfigWatchClient implements AutoCloseable {

    /** Told about every applied event together with the view after it. */
    @FunctionalInterface
    public interface Listener {
        void onEvent(ConfigEvent event, ConfigView view);
    }

    private static final Logger log = LoggerFactory.getLogger(ConfigWatchClient.class);
    private static final Duration MIN_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final Channel channel;
    private final ManagedChannel owned;
    private final String subscriber;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final CountDownLatch initial = new CountDownLatch(1);
    private final ScheduledExecutorService reconnects;
    private volatile ConfigView view = ConfigView.EMPTY;
    private volatile boolean closed;
    private Context.CancellableContext call;
    private Duration backoff = MIN_BACKOFF;

    /** Watches through an existing channel, which the caller keeps owning. */
    public ConfigWatchClient(Channel channel, String subscriber) {
        this(channel, null, subscriber);
    }

    /** Opens (and on close, shuts down) a channel to {@code HOST:PORT} or {@code in-process:NAME}. */
    public ConfigWatchClient(String target, String subscriber) {
        this(null, ServiceChannels.open(target), subscriber);
    }

    private ConfigWatchClient(Channel channel, ManagedChannel owned, String subscriber) {
        this.channel = channel != null ? channel : owned;
        this.owned = owned;
        this.subscriber = Objects.requireNonNull(subscriber, "subscriber");
        this.reconnects = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "config-watch-" + subscriber);
            t.setDaemon(true);
            return t;
        });
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    /** The configuration as of the last applied event ({@link ConfigView#EMPTY} before the first). */
    public ConfigView view() {
        return view;
    }

    public void start() {
        reconnects.execute(this::subscribe);
    }

    /** Waits for the first snapshot; false when it did not arrive in time. */
    public boolean awaitInitial(Duration timeout) throws InterruptedException {
        return initial.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void subscribe() {
        if (closed) {
            return;
        }
        long since = view.revision();
        call = Context.current().withCancellation();
        WatchRequest req = WatchRequest.newBuilder().setSinceRevision(since).setSubscriber(subscriber).build();
        call.run(() -> ConfigWatchServiceGrpc.newStub(channel).watch(req, new Observer()));
    }

    private final class Observer implements StreamObserver<ConfigEvent> {
        @Override
        public void onNext(ConfigEvent event) {
            ConfigView next;
            synchronized (ConfigWatchClient.this) {
                if (!event.hasSnapshot() && event.getRevision() <= view.revision()) {
                    return; // already applied before a reconnect
                }
                next = view.apply(event);
                view = next;
                backoff = MIN_BACKOFF;
            }
            initial.countDown();
            for (Listener l : listeners) {
                try {
                    l.onEvent(event, next);
                } catch (RuntimeException e) {
                    log.error("config listener failed on revision {}", event.getRevision(), e);
                }
            }
        }

        @Override
        public void onError(Throwable t) {
            retry("broke: " + t.getMessage());
        }

        @Override
        public void onCompleted() {
            retry("ended by the server");
        }
    }

    private synchronized void retry(String why) {
        if (closed) {
            return;
        }
        Duration wait = backoff;
        backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        log.warn("config watch '{}' {}; reconnecting in {} ms from revision {}", subscriber, why, wait.toMillis(), view.revision());
        reconnects.schedule(this::subscribe, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            if (call != null) {
                call.cancel(null);
            }
        }
        reconnects.shutdownNow();
        if (owned != null) {
            owned.shutdownNow();
        }
    }
}
