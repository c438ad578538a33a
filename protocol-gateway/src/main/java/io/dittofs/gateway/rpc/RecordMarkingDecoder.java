package io.dittofs.gateway.rpc;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.TooLongFrameException;
import java.util.List;

/**
 * TCP record marking (RFC 5531 §11): reassembles fragments into whole records. A record larger
 * than {@code maxRecordBytes} closes the connection before its bytes are buffered, so a client
 * cannot make the server hold more than one capped record per connection.
 */
public final class RecordMarkingDecoder extends ByteToMessageDecoder {

    private final int maxRecordBytes;
    private CompositeByteBuf partial;
    private int partialBytes;

    public RecordMarkingDecoder(int maxRecordBytes) {
        this.maxRecordBytes = maxRecordBytes;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws TooLongFrameException {
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
                return;
            }
            in.skipBytes(4);
            ByteBuf fragment = in.readRetainedSlice(len);
            if (last && partial == null) {
                out.add(fragment);
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
                partial = null;
                partialBytes = 0;
            }
        }
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
    }
}
