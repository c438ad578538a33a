package io.dittofs.contracts.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dittofs.contracts.block.v1.BlockServiceGrpc;
import io.dittofs.contracts.block.v1.GetVerifierRequest;
import io.dittofs.contracts.block.v1.GetVerifierResponse;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Channels under {@link NonBlocking}: a hosted in-process service is called on the calling
 * (platform) thread; anything that would make the caller wait (a service not hosted, a socket)
 * throws the signal and marks the scope instead of starting.
 */
class NonBlockingChannelsTest {

    @Test
    void aHostedServiceRunsOnThePlatformThreadThatEnteredTheMode() throws Exception {
        DirectChannelTest.Service svc = new DirectChannelTest.Service();
        try (GrpcServerHost host = GrpcServerHost.start("in-process:nonblocking-ok", List.of(svc))) {
            ManagedChannel ch = ServiceChannels.open("in-process:nonblocking-ok");
            try {
                assertThat(NonBlocking.direct(ch)).isTrue();
                var stub = BlockServiceGrpc.newBlockingStub(ch);
                assertThat(Thread.currentThread().isVirtual()).isFalse();
                try (NonBlocking.Scope scope = NonBlocking.enter()) {
                    assertThat(stub.getVerifier(GetVerifierRequest.getDefaultInstance()).getVerifier().toStringUtf8())
                            .isEqualTo("v1");
                    assertThat(scope.blocked()).isFalse();
                }
                assertThat(svc.ranOn.get()).isSameAs(Thread.currentThread());
                assertThat(svc.direct.get()).isTrue();
                assertThat(NonBlocking.active()).isFalse();
            } finally {
                ch.shutdownNow();
            }
        }
    }

    /** Signals from the service end the call quietly and reach the caller as the cause of the status. */
    @Test
    void aServiceThatWouldBlockEndsTheCallWithTheSignal() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        var svc = new BlockServiceGrpc.BlockServiceImplBase() {
            @Override
            public void getVerifier(GetVerifierRequest request, StreamObserver<GetVerifierResponse> out) {
                calls.incrementAndGet();
                throw NonBlocking.wouldBlock("test store");
            }
        };
        try (GrpcServerHost host = GrpcServerHost.start("in-process:nonblocking-signal", List.of(svc))) {
            ManagedChannel ch = ServiceChannels.open("in-process:nonblocking-signal");
            try (NonBlocking.Scope scope = NonBlocking.enter()) {
                var stub = BlockServiceGrpc.newBlockingStub(ch);
                assertThatThrownBy(() -> stub.getVerifier(GetVerifierRequest.getDefaultInstance()))
                        .isInstanceOf(StatusRuntimeException.class)
                        .hasCauseInstanceOf(NonBlocking.WouldBlock.class);
                assertThat(scope.blocked()).isTrue();
                assertThat(calls.get()).isEqualTo(1);
            } finally {
                ch.shutdownNow();
            }
        }
    }

    @Test
    void aServiceNotHostedIsNotWaitedFor() {
        ManagedChannel ch = ServiceChannels.open("in-process:nonblocking-nobody");
        try (NonBlocking.Scope scope = NonBlocking.enter()) {
            var stub = BlockServiceGrpc.newBlockingStub(ch);
            assertThatThrownBy(() -> stub.getVerifier(GetVerifierRequest.getDefaultInstance()))
                    .isInstanceOf(NonBlocking.WouldBlock.class);
            assertThat(scope.blocked()).isTrue();
        } finally {
            ch.shutdownNow();
        }
    }

    @Test
    void socketChannelsAreNeverDirectAndRefuseEveryCallUnderTheMode() {
        // nothing listens there: a call that started would fail UNAVAILABLE after a connect attempt
        for (String target : new String[] {"127.0.0.1:30999", "unix:/tmp/inline-nonblocking-none.sock"}) {
            ManagedChannel ch = ServiceChannels.open(target);
            try (NonBlocking.Scope scope = NonBlocking.enter()) {
                assertThat(NonBlocking.direct(ch)).as(target).isFalse();
                var stub = BlockServiceGrpc.newBlockingStub(ch);
                assertThatThrownBy(() -> stub.getVerifier(GetVerifierRequest.getDefaultInstance()))
                        .as(target).isInstanceOf(NonBlocking.WouldBlock.class);
                assertThat(scope.blocked()).isTrue();
            } finally {
                ch.shutdownNow();
            }
        }
    }
}
