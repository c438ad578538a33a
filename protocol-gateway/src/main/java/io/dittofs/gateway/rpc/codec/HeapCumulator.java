package io.dittofs.gateway.rpc.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.ByteToMessageDecoder;

/**
 * Accumulates received bytes in heap buffers, so that a record (and a WRITE's data in it) is
 * backed by a Java array: protobuf then wraps the data for the block-service instead of copying it
 * without a copy. The one copy from the socket's direct read buffer into the cumulation is the
 * copy a record spanning several reads needs anyway. Capacity grows by powers of two, except that
 * once the record being received has sent an eighth of the length its header announced
 * ({@link #expect}), the cumulation grows straight to the whole record: a 1 MiB WRITE is then
 * copied into one buffer once instead of through 128 KiB, 256 KiB, ... 2 MiB buffers (each new
 * array zeroed by the JVM first). The eighth keeps a client that announces large records and sends
 * little from making the server reserve more than eight times what it sent.
 */
final class HeapCumulator implements ByteToMessageDecoder.Cumulator {

    private int expected;

    /**
     * The bytes the cumulation must hold, counted from its reader index, before the record under
     * way is complete; 0 when nothing is known. Set by the decoder when it waits for the rest.
     */
    void expect(int bytes) {
        expected = bytes;
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
            // growing always takes a new buffer: a buffer grown in place may hand its old memory back to
            // the pool while a retained slice of an earlier record (a WRITE's data) still reads it
            if (!cumulation.hasArray() || cumulation.isReadOnly() || required > cumulation.maxFastWritableBytes()) {
                int needed = cumulation.readableBytes() + required;
                ByteBuf next = alloc.heapBuffer(capacityFor(alloc, needed));
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

    private int capacityFor(ByteBufAllocator alloc, int needed) {
        int whole = expected;
        if (whole > needed && needed >= whole / 8) {
            return whole;
        }
        return alloc.calculateNewCapacity(needed, Integer.MAX_VALUE);
    }
}
