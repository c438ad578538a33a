package io.dittofs.gateway.rpc.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.ByteToMessageDecoder;

/**
 * Accumulates received bytes in heap buffers, so that a record (and a WRITE's data in it) is
 * backed by a Java array: protobuf then wraps the data for the block-service instead of copying it
 * (protobuf-java copies a direct buffer on wrap). The one copy from the socket's direct read
 * buffer into the cumulation is the copy a record spanning several reads needs anyway. Capacity
 * grows by powers of two, so a large record is copied O(1) times per byte.
 */
final class HeapCumulator implements ByteToMessageDecoder.Cumulator {

    static final HeapCumulator INSTANCE = new HeapCumulator();

    private HeapCumulator() {
    }

    @Override
    public ByteBuf cumulate(ByteBufAllocator alloc, ByteBuf cumulation, ByteBuf in) {
        if (!cumulation.isReadable() && in.hasArray()) {
            // nothing pending and the read is already on the heap: it becomes the cumulation
            cumulation.release();
            return in;
        }
        try {
            int required = in.readableBytes();
            if (!cumulation.hasArray() || cumulation.isReadOnly() || required > cumulation.maxWritableBytes()
                    || required > cumulation.maxFastWritableBytes() && cumulation.refCnt() > 1) {
                int needed = cumulation.readableBytes() + required;
                ByteBuf next = alloc.heapBuffer(alloc.calculateNewCapacity(needed, Integer.MAX_VALUE));
                next.writeBytes(cumulation, cumulation.readerIndex(), cumulation.readableBytes());
                next.writeBytes(in, in.readerIndex(), required);
                cumulation.release();
                return next;
            }
            cumulation.writeBytes(in, in.readerIndex(), required);
            return cumulation;
        } finally {
            in.release();
        }
    }
}
