package io.dittofs.gateway.smb.transport;

import io.dittofs.gateway.transport.Connection;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.TooLongFrameException;
import java.util.List;

/**
 * Direct TCP transport framing (MS-SMB2 2.1): a zero byte and a 24-bit big-endian length before
 * each SMB message. A frame longer than {@code maxFrameBytes} or a non-zero first byte (NetBIOS
 * session messages other than "session message" are not spoken on port 445) closes the connection
 * before its bytes are buffered. Emits each frame as a {@code byte[]}. Reports buffered bytes and
 * frame progress to the transport {@link Connection} like the RPC record decoder does.
 */
public final class DirectTcpDecoder extends ByteToMessageDecoder {

    /** The largest length 24 bits can carry. */
    public static final int MAX_LENGTH = 0xFFFFFF;

    private final int maxFrameBytes;
    private Connection connection;
    private long reported;

    public DirectTcpDecoder(int maxFrameBytes) {
        if (maxFrameBytes < 64 || maxFrameBytes > MAX_LENGTH) {
            throw new IllegalArgumentException("maxFrameBytes must be 64.." + MAX_LENGTH + ", was " + maxFrameBytes);
        }
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) throws Exception {
        connection = Connection.of(ctx.channel());
        super.handlerAdded(ctx);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws TooLongFrameException {
        int completed = 0;
        try {
            while (in.readableBytes() >= 4) {
                int header = in.getInt(in.readerIndex());
                int zero = header >>> 24;
                int len = header & MAX_LENGTH;
                if (zero != 0 || len > maxFrameBytes) {
                    in.skipBytes(in.readableBytes());
                    throw new TooLongFrameException(zero != 0
                            ? "not a direct TCP frame (first byte " + zero + ")"
                            : "SMB frame of " + len + " bytes exceeds " + maxFrameBytes);
                }
                if (in.readableBytes() < 4 + len) {
                    return;
                }
                in.skipBytes(4);
                out.add(ByteBufUtil.getBytes(in, in.readerIndex(), len));
                in.skipBytes(len);
                completed++;
            }
        } finally {
            report(completed, in.readableBytes());
        }
    }

    private void report(int completed, int unread) {
        if (connection == null) {
            return;
        }
        connection.buffered(unread - reported);
        reported = unread;
        connection.frameProgress(completed, unread > 0);
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        if (connection != null) {
            connection.buffered(-reported);
            reported = 0;
        }
    }
}
