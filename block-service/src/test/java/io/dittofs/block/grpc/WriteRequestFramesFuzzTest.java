package io.dittofs.block.grpc;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.protobuf.ByteString;
import io.dittofs.contracts.block.v1.BlockServiceGrpc;
import io.dittofs.contracts.block.v1.WriteRequest;
import io.dittofs.contracts.grpc.AliasingMarshaller;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.internal.ReadableBuffers;
import java.io.ByteArrayOutputStream;

/**
 * The block-service's Write requests as they come off a socket, parsed by the aliasing marshaller
 * (every large request takes that path): whatever the bytes, either a message comes out or gRPC's
 * INTERNAL status — never another exception. A valid 64 KiB request is put in front of the input
 * most of the time so that the aliasing path (not the standard one below its threshold) sees it.
 */
class WriteRequestFramesFuzzTest {

    private static final MethodDescriptor.Marshaller<WriteRequest> REQUESTS =
            AliasingMarshaller.of(BlockServiceGrpc.getWriteMethod().getRequestMarshaller());
    private static final byte[] LARGE = WriteRequest.newBuilder()
            .setData(ByteString.copyFrom(new byte[AliasingMarshaller.MIN_BYTES])).build().toByteArray();

    @FuzzTest(maxDuration = "30s")
    void anyFrame(FuzzedDataProvider data) {
        boolean prefixed = data.consumeBoolean();
        byte[] tail = data.consumeRemainingAsBytes();
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        if (prefixed) {
            wire.writeBytes(LARGE); // protobuf merges concatenated messages: the tail's fields follow
        }
        wire.writeBytes(tail);
        try {
            WriteRequest r = REQUESTS.parse(ReadableBuffers.openStream(ReadableBuffers.wrap(wire.toByteArray()), true));
            if (r == null || r.getData().size() > wire.size()) {
                throw new AssertionError("a request larger than its frame");
            }
        } catch (StatusRuntimeException refused) {
            if (refused.getStatus().getCode() != Status.Code.INTERNAL) {
                throw new AssertionError("refused with " + refused.getStatus(), refused);
            }
        }
    }
}
