package io.dittofs.gateway.smb.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/** The sending side of direct TCP framing: a zero byte and a 24-bit length before the message. */
public final class DirectTcpFraming {

    private DirectTcpFraming() {
    }

    public static ByteBuf frame(byte[] message) {
        if (message.length > DirectTcpDecoder.MAX_LENGTH) {
            throw new IllegalArgumentException("SMB message of " + message.length + " bytes cannot be framed");
        }
        // the 4-byte length and the message as one composite: a megabyte READ is not copied again
        return Unpooled.wrappedBuffer(Unpooled.buffer(4).writeInt(message.length), Unpooled.wrappedBuffer(message));
    }
}
