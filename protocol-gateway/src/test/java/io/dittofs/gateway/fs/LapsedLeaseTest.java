package io.dittofs.gateway.fs;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.contracts.grpc.GrpcServerHost;
import io.dittofs.contracts.grpc.ServiceChannels;
import io.dittofs.contracts.metadata.v1.Heartbeat;
import io.dittofs.contracts.metadata.v1.MetadataServiceGrpc;
import io.dittofs.contracts.metadata.v1.WatchEvent;
import io.dittofs.contracts.metadata.v1.WatchRequest;
import io.dittofs.gateway.fs.grpc.CoherentMetadata;
import io.dittofs.gateway.fs.model.FileAttr;
import io.dittofs.gateway.fs.model.FileType;
import io.dittofs.gateway.fs.model.Handle;
import io.grpc.BindableService;
import io.grpc.ManagedChannel;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A metadata-service that answers one Renew and then goes silent (a hung process, a stalled
 * connection): the gateway's cache must stop serving within the lease and forget what it held.
 */
class LapsedLeaseTest {

    private static final Handle H = Handle.of(new byte[] {1, 0, 0, 0, 1, 7});

    /** Answers the first Renew of the first stream only; counts subscriptions. */
    static final class GoesSilent implements MetadataServiceGrpc.AsyncService, BindableService {
        final AtomicBoolean answered = new AtomicBoolean();
        final AtomicInteger subscriptions = new AtomicInteger();

        @Override
        public StreamObserver<WatchRequest> watchInvalidations(StreamObserver<WatchEvent> out) {
            return new StreamObserver<>() {
                @Override
                public void onNext(WatchRequest r) {
                    if (r.hasSubscribe()) {
                        subscriptions.incrementAndGet();
                    }
                    if (r.hasRenew() && answered.compareAndSet(false, true)) {
                        synchronized (out) {
                            out.onNext(WatchEvent.newBuilder().setHeartbeat(Heartbeat.newBuilder()
                                    .setRenew(r.getRenew()).setLeaseMillis(300)).build());
                        }
                    }
                }

                @Override
                public void onError(Throwable t) {
                }

                @Override
                public void onCompleted() {
                    out.onCompleted();
                }
            };
        }

        @Override
        public ServerServiceDefinition bindService() {
            return MetadataServiceGrpc.bindService(this);
        }
    }

    @Test
    void noAnsweredRenewWithinTheLeaseClearsTheCacheAndStopsServing() throws Exception {
        GoesSilent service = new GoesSilent();
        String target = "unix:/tmp/attrcache-" + UUID.randomUUID().toString().substring(0, 8) + ".sock";
        try (GrpcServerHost host = GrpcServerHost.start(target, List.of(service))) {
            ManagedChannel ch = ServiceChannels.open(target);
            AttrCache cache = new AttrCache(64, null);
            try (CoherentMetadata c = new CoherentMetadata(ch, cache).start()) {
                long until = System.nanoTime() + 10_000_000_000L;
                while (!cache.live()) {
                    assertThat(System.nanoTime()).isLessThan(until);
                    Thread.sleep(5);
                }
                long wentLive = System.nanoTime();
                cache.putAttr(cache.ticket(), H, new FileAttr(FileType.REGULAR, 0644, 1, 0, 0, 1, 0, 0, 0, 1, 7,
                        null, null, null, 1, null, null, 0, false, null));
                assertThat(cache.attr(H)).isNotNull();
                while (cache.live()) {
                    Thread.sleep(5);
                }
                // due 0.9 x 300 ms after the Renew's send, which came before going live; the bound
                // leaves room for a loaded machine that runs this thread late
                assertThat((System.nanoTime() - wentLive) / 1_000_000).isLessThan(1_000);
                assertThat(cache.attr(H)).isNull();
                // the watch notices, clears and subscribes again (under a new id)
                long resubscribeBy = System.nanoTime() + 10_000_000_000L;
                while (service.subscriptions.get() < 2) {
                    assertThat(System.nanoTime()).isLessThan(resubscribeBy);
                    Thread.sleep(5);
                }
                assertThat(cache.size()).isZero();
                assertThat(cache.live()).isFalse();
            } finally {
                ch.shutdownNow();
            }
        }
    }
}
