package io.dittofs.contracts.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.dittofs.contracts.block.v1.BlockServiceGrpc;
import io.dittofs.contracts.block.v1.GetVerifierRequest;
import io.dittofs.contracts.block.v1.GetVerifierResponse;
import io.dittofs.contracts.block.v1.ReadRequest;
import io.dittofs.contracts.block.v1.ReadResponse;
import io.dittofs.contracts.block.v1.WriteRequest;
import io.dittofs.contracts.block.v1.WriteResponse;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Socket servers with {@link OneHopDispatch}: service methods run on virtual threads with their
 * call's gRPC context, streams keep working, and failures and cancels end calls as gRPC would.
 */
class OneHopDispatchTest {

    @TempDir
    Path tmp;

    /** Records where and how the unary method ran; streams echo; a verifier of "boom" throws. */
    static final class Service extends BlockServiceGrpc.BlockServiceImplBase {
        final CompletableFuture<Boolean> ranOnVirtual = new CompletableFuture<>();
        final CompletableFuture<Boolean> sawDeadline = new CompletableFuture<>();
        final CountDownLatch blockStarted = new CountDownLatch(1);
        final CompletableFuture<Boolean> sawCancel = new CompletableFuture<>();
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public void getVerifier(GetVerifierRequest request, StreamObserver<GetVerifierResponse> out) {
            int n = calls.incrementAndGet();
            if (n == 1) {
                ranOnVirtual.complete(Thread.currentThread().isVirtual());
                sawDeadline.complete(Context.current().getDeadline() != null);
            }
            out.onNext(GetVerifierResponse.newBuilder().setVerifier(ByteString.copyFromUtf8("v" + n)).build());
            out.onCompleted();
        }

        @Override
        public void readStream(ReadRequest request, StreamObserver<ReadResponse> out) {
            if (request.getCount() == 0) {
                throw new IllegalStateException("boom");
            }
            if (request.getCount() == 1) {
                // blocks until the client's deadline cancels the call
                blockStarted.countDown();
                Context ctx = Context.current();
                CountDownLatch cancelled = new CountDownLatch(1);
                ctx.addListener(c -> cancelled.countDown(), Runnable::run);
                try {
                    sawCancel.complete(cancelled.await(30, TimeUnit.SECONDS) && ctx.isCancelled());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    sawCancel.complete(false);
                }
                return;
            }
            for (int i = 0; i < request.getCount(); i++) {
                out.onNext(ReadResponse.newBuilder().setData(ByteString.copyFromUtf8("chunk" + i)).build());
            }
            out.onCompleted();
        }

        @Override
        public StreamObserver<WriteRequest> writeStream(StreamObserver<WriteResponse> out) {
            return new StreamObserver<>() {
                long bytes;
                boolean virtual = true;

                @Override
                public void onNext(WriteRequest value) {
                    virtual &= Thread.currentThread().isVirtual();
                    bytes += value.getData().size();
                }

                @Override
                public void onError(Throwable t) {
                }

                @Override
                public void onCompleted() {
                    // count = bytes when every message arrived on a virtual thread, -1 otherwise
                    out.onNext(WriteResponse.newBuilder().setCount(virtual ? bytes : -1).build());
                    out.onCompleted();
                }
            };
        }
    }

    private String listen(String kind) {
        return kind.equals("unix") ? "unix:" + tmp.resolve("svc.sock") : "127.0.0.1:0";
    }

    private static String target(String kind, String listen, GrpcServerHost host) {
        return kind.equals("unix") ? listen : "127.0.0.1:" + host.port();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "unix"})
    void unaryMethodRunsOnAVirtualThreadWithItsContext(String kind) throws Exception {
        Service svc = new Service();
        String listen = listen(kind);
        try (GrpcServerHost host = GrpcServerHost.start(listen, List.of(svc), GrpcTelemetry.traceOnly(), true)) {
            ManagedChannel ch = ServiceChannels.open(target(kind, listen, host));
            try {
                var stub = BlockServiceGrpc.newBlockingStub(ch).withDeadlineAfter(30, TimeUnit.SECONDS);
                for (int i = 1; i <= 50; i++) {
                    assertThat(stub.getVerifier(GetVerifierRequest.getDefaultInstance()).getVerifier().toStringUtf8())
                            .isEqualTo("v" + i);
                }
                assertThat(svc.ranOnVirtual.get(5, TimeUnit.SECONDS)).isTrue();
                assertThat(svc.sawDeadline.get(5, TimeUnit.SECONDS)).isTrue();
            } finally {
                ch.shutdownNow();
            }
        }
    }

    @Test
    void manyConcurrentCallsAllAnswerInOrderPerCall() throws Exception {
        Service svc = new Service();
        try (GrpcServerHost host = GrpcServerHost.start("127.0.0.1:0", List.of(svc), GrpcTelemetry.traceOnly(), true)) {
            ManagedChannel ch = ServiceChannels.open("127.0.0.1:" + host.port());
            try {
                var stub = BlockServiceGrpc.newFutureStub(ch);
                List<com.google.common.util.concurrent.ListenableFuture<GetVerifierResponse>> futures = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    futures.add(stub.getVerifier(GetVerifierRequest.getDefaultInstance()));
                }
                for (var f : futures) {
                    assertThat(f.get(30, TimeUnit.SECONDS).getVerifier().toStringUtf8()).startsWith("v");
                }
                assertThat(svc.calls.get()).isEqualTo(200);
            } finally {
                ch.shutdownNow();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "unix"})
    void streamsRunTheirCallbacksOffTheEventLoop(String kind) throws Exception {
        Service svc = new Service();
        String listen = listen(kind);
        try (GrpcServerHost host = GrpcServerHost.start(listen, List.of(svc), GrpcTelemetry.traceOnly(), true)) {
            ManagedChannel ch = ServiceChannels.open(target(kind, listen, host));
            try {
                List<String> chunks = new ArrayList<>();
                BlockServiceGrpc.newBlockingStub(ch).readStream(ReadRequest.newBuilder().setCount(3).build())
                        .forEachRemaining(r -> chunks.add(r.getData().toStringUtf8()));
                assertThat(chunks).containsExactly("chunk0", "chunk1", "chunk2");

                CompletableFuture<WriteResponse> reply = new CompletableFuture<>();
                StreamObserver<WriteRequest> in = BlockServiceGrpc.newStub(ch).writeStream(new StreamObserver<>() {
                    @Override
                    public void onNext(WriteResponse value) {
                        reply.complete(value);
                    }

                    @Override
                    public void onError(Throwable t) {
                        reply.completeExceptionally(t);
                    }

                    @Override
                    public void onCompleted() {
                    }
                });
                for (int i = 0; i < 5; i++) {
                    in.onNext(WriteRequest.newBuilder().setData(ByteString.copyFrom(new byte[1000])).build());
                }
                in.onCompleted();
                assertThat(reply.get(30, TimeUnit.SECONDS).getCount()).isEqualTo(5000);
            } finally {
                ch.shutdownNow();
            }
        }
    }

    @Test
    void aMethodThatThrowsEndsTheCallWithUnknown() {
        Service svc = new Service();
        try (GrpcServerHost host = GrpcServerHost.start("127.0.0.1:0", List.of(svc), GrpcTelemetry.traceOnly(), true)) {
            ManagedChannel ch = ServiceChannels.open("127.0.0.1:" + host.port());
            try {
                var stub = BlockServiceGrpc.newBlockingStub(ch).withDeadlineAfter(30, TimeUnit.SECONDS);
                assertThatThrownBy(() -> stub.readStream(ReadRequest.newBuilder().setCount(0).build()).hasNext())
                        .isInstanceOf(StatusRuntimeException.class)
                        .extracting(e -> ((StatusRuntimeException) e).getStatus().getCode())
                        .isEqualTo(Status.Code.UNKNOWN);
                // the server still serves
                assertThat(stub.getVerifier(GetVerifierRequest.getDefaultInstance()).getVerifier().size()).isPositive();
            } finally {
                ch.shutdownNow();
            }
        }
    }

    @Test
    void aClientCancelReachesTheRunningMethodsContext() throws Exception {
        Service svc = new Service();
        try (GrpcServerHost host = GrpcServerHost.start("127.0.0.1:0", List.of(svc), GrpcTelemetry.traceOnly(), true)) {
            ManagedChannel ch = ServiceChannels.open("127.0.0.1:" + host.port());
            try {
                Context.CancellableContext client = Context.current().withCancellation();
                CompletableFuture<Throwable> failed = new CompletableFuture<>();
                client.run(() -> BlockServiceGrpc.newStub(ch).readStream(ReadRequest.newBuilder().setCount(1).build(),
                        new StreamObserver<>() {
                            @Override
                            public void onNext(ReadResponse value) {
                            }

                            @Override
                            public void onError(Throwable t) {
                                failed.complete(t);
                            }

                            @Override
                            public void onCompleted() {
                                failed.complete(null);
                            }
                        }));
                assertThat(svc.blockStarted.await(30, TimeUnit.SECONDS)).isTrue();
                client.cancel(null);
                assertThat(svc.sawCancel.get(30, TimeUnit.SECONDS)).isTrue();
                assertThat(failed.get(30, TimeUnit.SECONDS)).isInstanceOf(StatusRuntimeException.class);
            } finally {
                ch.shutdownNow();
            }
        }
    }
}
