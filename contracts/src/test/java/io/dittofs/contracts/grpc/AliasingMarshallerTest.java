package io.dittofs.contracts.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.dittofs.contracts.block.v1.BlockServiceGrpc;
import io.dittofs.contracts.block.v1.ReadResponse;
import io.dittofs.contracts.block.v1.WriteRequest;
import io.dittofs.contracts.block.v1.WriteResponse;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.StatusRuntimeException;
import io.grpc.internal.ReadableBuffers;
import io.grpc.stub.StreamObserver;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Large messages from a socket parsed with their bytes fields aliasing one array. */
class AliasingMarshallerTest {

    @TempDir
    Path tmp;

    private static final MethodDescriptor.Marshaller<ReadResponse> READ =
            AliasingMarshaller.of(BlockServiceGrpc.getReadMethod().getResponseMarshaller());

    /** What a socket hands the marshaller: a stream over the frame's buffers. */
    private static InputStream socketStream(byte[] wire) {
        return ReadableBuffers.openStream(ReadableBuffers.wrap(wire), true);
    }

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void largeAndSmallMessagesParseToWhatWasSent() {
        assertThat(READ).isInstanceOf(AliasingMarshaller.class);
        assertThat(socketStream(new byte[1])).isInstanceOf(io.grpc.HasByteBuffer.class);
        for (int n : new int[] {0, 100, AliasingMarshaller.MIN_BYTES - 10, AliasingMarshaller.MIN_BYTES, 1 << 20}) {
            ReadResponse sent = ReadResponse.newBuilder().setData(ByteString.copyFrom(random(n, n))).setEof(true).setSize(n)
                    .build();
            ReadResponse got = READ.parse(socketStream(sent.toByteArray()));
            assertThat(got).as("%d bytes", n).isEqualTo(sent);
            if (n >= AliasingMarshaller.MIN_BYTES) {
                // a view of the one array the frame was read into, not a copy of it (protobuf's LiteralByteString)
                assertThat(got.getData().getClass().getSimpleName()).isEqualTo("BoundedByteString");
            }
        }
    }

    @Test
    void damagedMessagesFailAsInternalErrors() {
        byte[] wire = ReadResponse.newBuilder().setData(ByteString.copyFrom(random(1 << 17, 7))).build().toByteArray();
        byte[] cut = Arrays.copyOf(wire, wire.length - 1000); // the data field claims more than there is
        assertThatThrownBy(() -> READ.parse(socketStream(cut)))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(io.grpc.Status.Code.INTERNAL));
        byte[] garbage = random(1 << 17, 8);
        garbage[0] = (byte) 0xff; // an invalid tag
        assertThatThrownBy(() -> READ.parse(socketStream(garbage))).isInstanceOf(StatusRuntimeException.class);
    }

    /** Echoes the size and a checksum of the write's data: the server parsed the request with aliasing. */
    static final class Service extends BlockServiceGrpc.BlockServiceImplBase {
        @Override
        public void write(WriteRequest request, StreamObserver<WriteResponse> out) {
            out.onNext(WriteResponse.newBuilder().setCount(request.getData().size())
                    .setSize(Arrays.hashCode(request.getData().toByteArray())).build());
            out.onCompleted();
        }
    }

    @Test
    void largeRequestsCrossAUnixSocketIntact() {
        Path sock = tmp.resolve("block.sock");
        try (GrpcServerHost host = GrpcServerHost.start("unix:" + sock, List.of(new Service()))) {
            ManagedChannel ch = ServiceChannels.open("unix:" + sock);
            try {
                for (int n : new int[] {10, 1 << 20}) {
                    byte[] data = random(n, 3);
                    WriteResponse r = BlockServiceGrpc.newBlockingStub(ch)
                            .write(WriteRequest.newBuilder().setData(ByteString.copyFrom(data)).setOffset(5).build());
                    assertThat(r.getCount()).isEqualTo(n);
                    assertThat(r.getSize()).isEqualTo(Arrays.hashCode(data));
                }
            } finally {
                ch.shutdownNow();
            }
        }
    }
}
