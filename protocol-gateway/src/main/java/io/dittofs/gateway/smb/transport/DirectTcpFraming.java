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
        ByteBuf out = Unpooled.buffer(4 + message.length);
        out.writeInt(message.length);
        out.writeBytes(message);
        return out;
    }
}
