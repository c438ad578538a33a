package io.dittofs.gateway.rpc.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.util.List;

/**
 * TCP record marking (RFC 5531 §11), outbound: each message leaves as one last-fragment record.
 * The mark and the message go out as one composite buffer, so the message bytes are not copied.
 */
@ChannelHandler.Sharable
public final class RecordMarkingEncoder extends MessageToMessageEncoder<ByteBuf> {

    public static final RecordMarkingEncoder INSTANCE = new RecordMarkingEncoder();

    private RecordMarkingEncoder() {
        super(ByteBuf.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, ByteBuf msg, List<Object> out) {
        ByteBuf mark = ctx.alloc().buffer(4).writeInt(0x80000000 | msg.readableBytes());
        out.add(ctx.alloc().compositeBuffer(2).addComponents(true, mark, msg.retain()));
    }
}
