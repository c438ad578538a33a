package io.dittofs.gateway.rpc.codec;

import io.dittofs.gateway.transport.Connection;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.TooLongFrameException;
import java.util.List;

/**
 * TCP record marking (RFC 5531 §11): reassembles fragments into whole records. A record larger
 * than {@code maxRecordBytes} closes the connection before its bytes are buffered, so a client
 * cannot make the server hold more than one capped record per connection. On a transport
 * {@link Connection} it reports the bytes it buffers (partial records) and when a record starts
 * and completes, which drives the byte budget and the slow-record deadline.
 */
public final class RecordMarkingDecoder extends ByteToMessageDecoder {

    private final int maxRecordBytes;
    private final HeapCumulator cumulator = new HeapCumulator();
    private Connection connection;
    private CompositeByteBuf partial;
    private int partialBytes;
    private long reported;

    public RecordMarkingDecoder(int maxRecordBytes) {
        this.maxRecordBytes = maxRecordBytes;
        setCumulator(cumulator);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) throws Exception {
        connection = Connection.of(ctx.channel());
        super.handlerAdded(ctx);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws TooLongFrameException {
        int completed = 0;
        cumulator.expect(0);
        try {
            while (in.readableBytes() >= 4) {
                int header = in.getInt(in.readerIndex());
                boolean last = header < 0;
                int len = header & 0x7fffffff;
                if ((long) partialBytes + len > maxRecordBytes) {
                    releasePartial();
                    in.skipBytes(in.readableBytes());
                    throw new TooLongFrameException("RPC record exceeds " + maxRecordBytes + " bytes");
                }
                if (in.readableBytes() < 4 + len) {
                    cumulator.expect(4 + len);
                    return;
                }
                in.skipBytes(4);
                ByteBuf fragment = in.readRetainedSlice(len);
                if (last && partial == null) {
                    out.add(fragment);
                    completed++;
                    continue;
                }
                if (partial == null) {
                    partial = ctx.alloc().compositeBuffer(64);
                }
                partial.addComponent(true, fragment);
                partialBytes += len;
                if (partial.numComponents() >= 64 && !last) {
                    partial.consolidate();
                }
                if (last) {
                    out.add(partial);
                    completed++;
                    partial = null;
                    partialBytes = 0;
                }
            }
        } finally {
            report(completed, in.readableBytes());
        }
    }

    private void report(int completed, int unread) {
        if (connection == null) {
            return;
        }
        long held = (long) unread + partialBytes;
        connection.buffered(held - reported);
        reported = held;
        connection.frameProgress(completed, held > 0 || partial != null);
    }

    private void releasePartial() {
        if (partial != null) {
            partial.release();
            partial = null;
            partialBytes = 0;
        }
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        releasePartial();
        if (connection != null) {
            connection.buffered(-reported);
            reported = 0;
        }
    }
}
