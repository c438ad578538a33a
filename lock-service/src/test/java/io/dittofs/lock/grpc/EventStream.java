package io.dittofs.lock.grpc;

import io.dittofs.contracts.lock.v1.LockEvent;
import io.dittofs.contracts.lock.v1.LockServiceGrpc;
import io.dittofs.contracts.lock.v1.WatchEventsRequest;
import io.grpc.Channel;
import io.grpc.Context;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A gateway's WatchEvents stream, as a queue; {@link #close} cancels it like a dying gateway. */
final class EventStream implements AutoCloseable {
    final BlockingQueue<LockEvent> events = new LinkedBlockingQueue<>();
    final CountDownLatch ended = new CountDownLatch(1);
    private final Context.CancellableContext ctx = Context.current().withCancellation();

    EventStream(Channel channel, String gatewayId) {
        ctx.run(() -> LockServiceGrpc.newStub(channel).watchEvents(WatchEventsRequest.newBuilder().setGatewayId(gatewayId).build(),
                new StreamObserver<>() {
                    public void onNext(LockEvent e) {
                        events.add(e);
                    }

                    public void onError(Throwable t) {
                        ended.countDown();
                    }

                    public void onCompleted() {
                        ended.countDown();
                    }
                }));
    }

    LockEvent next() throws InterruptedException {
        LockEvent e = events.poll(10, TimeUnit.SECONDS);
        if (e == null) {
            throw new AssertionError("no event within 10 s");
        }
        return e;
    }

    @Override
    public void close() {
        ctx.cancel(null);
    }
}
