package io.dittofs.contracts.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.dittofs.contracts.block.v1.BlockServiceGrpc;
import io.dittofs.contracts.block.v1.GetVerifierRequest;
import io.dittofs.contracts.block.v1.GetVerifierResponse;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** In-process unary calls from virtual threads skip the transport but keep its visible behaviour. */
class DirectChannelTest {

    /** Answers, fails with a status, or throws, depending on the call number. */
    static final class Service extends BlockServiceGrpc.BlockServiceImplBase {
        final AtomicInteger calls = new AtomicInteger();
        final AtomicReference<Thread> ranOn = new AtomicReference<>();
        final AtomicReference<String> trace = new AtomicReference<>();
        final AtomicReference<Boolean> direct = new AtomicReference<>();
        volatile String mode = "ok";

        @Override
        public void getVerifier(GetVerifierRequest request, StreamObserver<GetVerifierResponse> out) {
            calls.incrementAndGet();
            ranOn.set(Thread.currentThread());
            trace.set(MDC.get(TraceIds.MDC_KEY));
            direct.set(StackWalker.getInstance().walk(frames -> frames.anyMatch(
                    f -> f.getClassName().startsWith(DirectCall.class.getName()))));
            switch (mode) {
                case "status" -> out.onError(Status.NOT_FOUND.withDescription("no such thing").asRuntimeException());
                case "throw" -> throw new IllegalStateException("bug in the service");
                default -> {
                    out.onNext(GetVerifierResponse.newBuilder().setVerifier(ByteString.copyFromUtf8("v" + calls.get())).build());
                    out.onCompleted();
                }
            }
        }
    }

    static <T> T onVirtualThread(Callable<T> work) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread.ofVirtual().start(() -> {
            try {
                result.set(work.call());
            } catch (Exception e) {
                failure.set(e);
            }
        }).join();
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }

    @Test
    void aVirtualThreadCallRunsTheServiceOnItsThreadWithTraceIdStatusesAndMeters() throws Exception {
        Service svc = new Service();
        SimpleMeterRegistry serverMeters = new SimpleMeterRegistry();
        SimpleMeterRegistry clientMeters = new SimpleMeterRegistry();
        try (GrpcServerHost host = GrpcServerHost.start("in-process:direct-ok", List.of(svc),
                GrpcTelemetry.of(serverMeters, SlowCalls.OFF))) {
            ManagedChannel ch = ServiceChannels.open("in-process:direct-ok", GrpcTelemetry.of(clientMeters, SlowCalls.OFF));
            try {
                var stub = BlockServiceGrpc.newBlockingStub(ch);
                AtomicReference<Thread> caller = new AtomicReference<>();
                String v = onVirtualThread(() -> {
                    caller.set(Thread.currentThread());
                    MDC.put(TraceIds.MDC_KEY, "direct-1");
                    try {
                        return stub.getVerifier(GetVerifierRequest.getDefaultInstance()).getVerifier().toStringUtf8();
                    } finally {
                        MDC.remove(TraceIds.MDC_KEY);
                    }
                });
                assertThat(v).isEqualTo("v1");
                assertThat(svc.ranOn.get()).isSameAs(caller.get());
                assertThat(svc.direct.get()).as("called without the transport").isTrue();
                assertThat(svc.trace.get()).as("the trace id crosses the direct call").isEqualTo("direct-1");

                svc.mode = "status";
                assertThatThrownBy(() -> onVirtualThread(() -> stub.getVerifier(GetVerifierRequest.getDefaultInstance())))
                        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
                            assertThat(e.getStatus().getDescription()).isEqualTo("no such thing");
                        });

                svc.mode = "throw";
                assertThatThrownBy(() -> onVirtualThread(() -> stub.getVerifier(GetVerifierRequest.getDefaultInstance())))
                        .isInstanceOfSatisfying(StatusRuntimeException.class,
                                e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNKNOWN));
            } finally {
                ch.shutdownNow();
            }
        }
        assertThat(svc.calls).hasValue(3);
        for (var r : List.of(new Object[] {serverMeters, CallMeters.SERVER_CALLS}, new Object[] {clientMeters, CallMeters.CLIENT_CALLS})) {
            var reg = (SimpleMeterRegistry) r[0];
            assertThat(reg.get((String) r[1]).tags("status", "OK").timer().count()).as((String) r[1]).isEqualTo(1);
            assertThat(reg.get((String) r[1]).tags("status", "NOT_FOUND").timer().count()).as((String) r[1]).isEqualTo(1);
        }
    }

    @Test
    void platformThreadsAndClosedServersStillUseTheTransport() throws Exception {
        Service svc = new Service();
        ManagedChannel ch = ServiceChannels.open("in-process:direct-fallback");
        try {
            var stub = BlockServiceGrpc.newBlockingStub(ch);
            try (GrpcServerHost host = GrpcServerHost.start("in-process:direct-fallback", List.of(svc))) {
                stub.getVerifier(GetVerifierRequest.getDefaultInstance());
                assertThat(svc.ranOn.get()).as("a platform caller is handed to a virtual thread").isNotSameAs(Thread.currentThread());
                assertThat(svc.ranOn.get().isVirtual()).isTrue();
                assertThat(svc.direct.get()).isFalse();
            }
            assertThatThrownBy(() -> onVirtualThread(() -> stub.getVerifier(GetVerifierRequest.getDefaultInstance())))
                    .as("after the host closed, the call fails as the transport fails it")
                    .isInstanceOfSatisfying(StatusRuntimeException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
            assertThat(svc.calls).hasValue(1);
        } finally {
            ch.shutdownNow();
        }
    }
}
