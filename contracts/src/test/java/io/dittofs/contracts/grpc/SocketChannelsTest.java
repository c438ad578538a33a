package io.dittofs.contracts.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.dittofs.contracts.block.v1.BlockServiceGrpc;
import io.dittofs.contracts.block.v1.GetVerifierRequest;
import io.dittofs.contracts.block.v1.GetVerifierResponse;
import io.dittofs.contracts.block.v1.ReadRequest;
import io.dittofs.contracts.block.v1.ReadResponse;
import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Socket channels: Unix-domain targets, and callbacks kept off the event loops where they may block. */
class SocketChannelsTest {

    @TempDir
    Path tmp;

    /** A verifier, and a read stream of three chunks. */
    static final class Service extends BlockServiceGrpc.BlockServiceImplBase {
        @Override
        public void getVerifier(GetVerifierRequest request, StreamObserver<GetVerifierResponse> out) {
            out.onNext(GetVerifierResponse.newBuilder().setVerifier(ByteString.copyFromUtf8("12345678")).build());
            out.onCompleted();
        }

        @Override
        public void readStream(ReadRequest request, StreamObserver<ReadResponse> out) {
            for (int i = 0; i < 3; i++) {
                out.onNext(ReadResponse.newBuilder().setData(ByteString.copyFromUtf8("chunk" + i)).build());
            }
            out.onCompleted();
        }
    }

    @Test
    void unixSocketServesAndItsFileGoesWithTheServer() {
        Path sock = tmp.resolve("run").resolve("block.sock");
        try (GrpcServerHost host = GrpcServerHost.start("unix:" + sock, List.of(new Service()))) {
            assertThat(host.port()).isEqualTo(-1);
            assertThat(sock).exists();
            ManagedChannel ch = ServiceChannels.open("unix:" + sock);
            try {
                var reply = BlockServiceGrpc.newBlockingStub(ch).getVerifier(GetVerifierRequest.getDefaultInstance());
                assertThat(reply.getVerifier().toStringUtf8()).isEqualTo("12345678");
            } finally {
                ch.shutdownNow();
            }
        }
        assertThat(sock).doesNotExist();
    }

    @Test
    void uriSpellingOfAnAbsolutePathWorksToo() {
        Path sock = tmp.resolve("uri.sock");
        try (GrpcServerHost host = GrpcServerHost.start("unix://" + sock, List.of(new Service()))) {
            ManagedChannel ch = ServiceChannels.open("unix://" + sock);
            try {
                assertThat(BlockServiceGrpc.newBlockingStub(ch).getVerifier(GetVerifierRequest.getDefaultInstance())
                        .getVerifier().size()).isEqualTo(8);
            } finally {
                ch.shutdownNow();
            }
        }
    }

    @Test
    void aSocketFileLeftByADeadProcessIsReplaced() throws Exception {
        Path sock = tmp.resolve("stale.sock");
        try (ServerSocketChannel old = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            old.bind(UnixDomainSocketAddress.of(sock));
        }
        assertThat(sock).exists(); // closing a Unix server socket leaves its file
        try (GrpcServerHost host = GrpcServerHost.start("unix:" + sock, List.of(new Service()))) {
            ManagedChannel ch = ServiceChannels.open("unix:" + sock);
            try {
                assertThat(BlockServiceGrpc.newBlockingStub(ch).getVerifier(GetVerifierRequest.getDefaultInstance())
                        .getVerifier().size()).isEqualTo(8);
            } finally {
                ch.shutdownNow();
            }
        }
    }

    @Test
    void aFileThatIsNotASocketIsNeverRemoved() throws Exception {
        Path file = tmp.resolve("data.txt");
        Files.writeString(file, "keep me");
        assertThatThrownBy(() -> GrpcServerHost.start("unix:" + file, List.of(new Service())))
                .hasMessageContaining("not a socket");
        assertThat(file).hasContent("keep me");
    }

    @Test
    void badUnixTargetsNameTheSyntax() {
        assertThatThrownBy(() -> ServiceChannels.open("unix:")).hasMessageContaining("socket path");
        assertThatThrownBy(() -> GrpcServerHost.start("unix:", List.of())).hasMessageContaining("socket path");
    }

    @Test
    void streamObserversRunOnVirtualThreadsOverTcpAndUnix() throws Exception {
        try (GrpcServerHost tcp = GrpcServerHost.start("127.0.0.1:0", List.of(new Service()));
             GrpcServerHost unix = GrpcServerHost.start("unix:" + tmp.resolve("s.sock"), List.of(new Service()))) {
            for (String target : List.of("127.0.0.1:" + tcp.port(), "unix:" + tmp.resolve("s.sock"))) {
                ManagedChannel ch = ServiceChannels.open(target);
                try {
                    List<Thread> ranOn = new CopyOnWriteArrayList<>();
                    List<String> got = new CopyOnWriteArrayList<>();
                    CompletableFuture<Void> done = new CompletableFuture<>();
                    BlockServiceGrpc.newStub(ch).readStream(ReadRequest.getDefaultInstance(), new StreamObserver<>() {
                        @Override
                        public void onNext(ReadResponse r) {
                            ranOn.add(Thread.currentThread());
                            got.add(r.getData().toStringUtf8());
                        }

                        @Override
                        public void onError(Throwable t) {
                            done.completeExceptionally(t);
                        }

                        @Override
                        public void onCompleted() {
                            ranOn.add(Thread.currentThread());
                            done.complete(null);
                        }
                    });
                    done.get(30, TimeUnit.SECONDS);
                    assertThat(got).as(target).containsExactly("chunk0", "chunk1", "chunk2");
                    assertThat(ranOn).as("an observer may block: never on the event loop (%s)", target)
                            .allMatch(Thread::isVirtual);
                } finally {
                    ch.shutdownNow();
                }
            }
        }
    }

    @Test
    void futureStubsAndBlockingStubsFromVirtualThreadsAnswer() throws Exception {
        try (GrpcServerHost tcp = GrpcServerHost.start("127.0.0.1:0", List.of(new Service()))) {
            ManagedChannel ch = ServiceChannels.open("127.0.0.1:" + tcp.port());
            try {
                CompletableFuture<String> r = new CompletableFuture<>();
                Thread.ofVirtual().start(() -> {
                    try {
                        String a = BlockServiceGrpc.newFutureStub(ch).getVerifier(GetVerifierRequest.getDefaultInstance())
                                .get(30, TimeUnit.SECONDS).getVerifier().toStringUtf8();
                        String b = BlockServiceGrpc.newBlockingStub(ch).getVerifier(GetVerifierRequest.getDefaultInstance())
                                .getVerifier().toStringUtf8();
                        r.complete(a + b);
                    } catch (Exception e) {
                        r.completeExceptionally(e);
                    }
                });
                assertThat(r.get(60, TimeUnit.SECONDS)).isEqualTo("1234567812345678");
            } finally {
                ch.shutdownNow();
            }
        }
    }
}
