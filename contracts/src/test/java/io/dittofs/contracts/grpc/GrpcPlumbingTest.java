package io.dittofs.contracts.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.dittofs.contracts.block.v1.BlockServiceGrpc;
import io.dittofs.contracts.block.v1.GetVerifierRequest;
import io.dittofs.contracts.block.v1.GetVerifierResponse;
import io.grpc.Deadline;
import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class GrpcPlumbingTest {

    /** Records the deadline the server saw, proving the client interceptor set one. */
    static final class VerifierService extends BlockServiceGrpc.BlockServiceImplBase {
        final AtomicReference<Deadline> seen = new AtomicReference<>();
        final AtomicReference<Thread> ranOn = new AtomicReference<>();

        @Override
        public void getVerifier(GetVerifierRequest request, StreamObserver<GetVerifierResponse> out) {
            seen.set(io.grpc.Context.current().getDeadline());
            ranOn.set(Thread.currentThread());
            out.onNext(GetVerifierResponse.newBuilder().setVerifier(ByteString.copyFromUtf8("12345678")).build());
            out.onCompleted();
        }
    }

    @Test
    void inProcessCallCarriesDefaultDeadline() {
        VerifierService svc = new VerifierService();
        try (GrpcServerHost host = GrpcServerHost.start("in-process:plumbing-test", List.of(svc))) {
            ManagedChannel ch = ServiceChannels.open("in-process:plumbing-test");
            try {
                var reply = BlockServiceGrpc.newBlockingStub(ch).getVerifier(GetVerifierRequest.getDefaultInstance());
                assertThat(reply.getVerifier().toStringUtf8()).isEqualTo("12345678");
                assertThat(svc.seen.get()).isNotNull();
                assertThat(svc.seen.get().timeRemaining(java.util.concurrent.TimeUnit.SECONDS))
                        .isBetween(1L, Deadlines.DEFAULT_UNARY.toSeconds());
                assertThat(host.port()).isEqualTo(-1);
            } finally {
                ch.shutdownNow();
            }
        }
    }

    @Test
    void inProcessCallFromVirtualThreadRunsInlineWithoutTimers() throws Exception {
        VerifierService svc = new VerifierService();
        try (GrpcServerHost host = GrpcServerHost.start("in-process:plumbing-inline", List.of(svc))) {
            ManagedChannel ch = ServiceChannels.open("in-process:plumbing-inline");
            try {
                AtomicReference<Thread> caller = new AtomicReference<>();
                Thread t = Thread.ofVirtual().start(() -> {
                    caller.set(Thread.currentThread());
                    BlockServiceGrpc.newBlockingStub(ch).getVerifier(GetVerifierRequest.getDefaultInstance());
                });
                t.join();
                assertThat(svc.ranOn.get()).isSameAs(caller.get());
                assertThat(svc.seen.get()).as("no deadline timer for an inline call").isNull();

                BlockServiceGrpc.newBlockingStub(ch).getVerifier(GetVerifierRequest.getDefaultInstance());
                assertThat(svc.ranOn.get()).as("a platform caller hands off to a virtual thread")
                        .isNotSameAs(Thread.currentThread());
                assertThat(svc.ranOn.get().isVirtual()).isTrue();
                assertThat(svc.seen.get()).isNotNull();
            } finally {
                ch.shutdownNow();
            }
        }
    }

    @Test
    void tcpServerOnFreePortServes() {
        VerifierService svc = new VerifierService();
        try (GrpcServerHost host = GrpcServerHost.start("127.0.0.1:0", List.of(svc))) {
            assertThat(host.port()).isPositive();
            ManagedChannel ch = ServiceChannels.open("127.0.0.1:" + host.port());
            try {
                var reply = BlockServiceGrpc.newBlockingStub(ch).getVerifier(GetVerifierRequest.getDefaultInstance());
                assertThat(reply.getVerifier().size()).isEqualTo(8);
                assertThat(svc.seen.get()).as("over TCP every call keeps its deadline").isNotNull();
            } finally {
                ch.shutdownNow();
            }
        }
    }

    @Test
    void badTargetsNameTheSyntax() {
        assertThatThrownBy(() -> ServiceChannels.open("in-process:")).hasMessageContaining("needs a name");
        assertThatThrownBy(() -> ServiceChannels.open("localhost")).hasMessageContaining("HOST:PORT");
        assertThatThrownBy(() -> GrpcServerHost.start("127.0.0.1:x", List.of())).hasMessageContaining("not a number");
    }
}
