package io.dittofs.gateway.rpc;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.util.function.Consumer;

/** Raw ONC RPC over a blocking socket, for tests that play the client (or the client's callback service). */
public final class TestRpc {

    private TestRpc() {
    }

    /** A CALL message (no record mark) with AUTH_NONE credential and verifier. */
    public static byte[] call(int xid, int program, int version, int procedure, Consumer<XdrWriter> args) {
        ByteBuf b = Unpooled.buffer();
        XdrWriter w = new XdrWriter(b);
        RpcReplies.callHeader(w, xid, program, version, procedure);
        w.writeInt(0).writeInt(0).writeInt(0).writeInt(0);
        args.accept(w);
        return ByteBufUtil.getBytes(b);
    }

    public static byte[] nullCall(int xid, int program, int version) {
        return call(xid, program, version, 0, w -> {
        });
    }

    /** An accepted SUCCESS reply with AUTH_NONE verifier and the given results. */
    public static byte[] successReply(int xid, Consumer<XdrWriter> results) {
        ByteBuf b = Unpooled.buffer();
        XdrWriter w = new XdrWriter(b).writeInt(xid).writeInt(1).writeInt(0).writeInt(0).writeInt(0).writeInt(0);
        results.accept(w);
        return ByteBufUtil.getBytes(b);
    }

    public static void writeRecord(Socket s, byte[] message) throws IOException {
        DataOutputStream out = new DataOutputStream(s.getOutputStream());
        out.writeInt(0x80000000 | message.length);
        out.write(message);
        out.flush();
    }

    /** Reads one record (single or multi-fragment) and returns it as XDR words. */
    public static int[] readRecord(Socket s) throws IOException {
        DataInputStream in = new DataInputStream(s.getInputStream());
        java.io.ByteArrayOutputStream rec = new java.io.ByteArrayOutputStream();
        boolean last;
        do {
            int mark = in.readInt();
            last = mark < 0;
            byte[] frag = new byte[mark & 0x7fffffff];
            in.readFully(frag);
            rec.write(frag);
        } while (!last);
        ByteBuf b = Unpooled.wrappedBuffer(rec.toByteArray());
        int[] words = new int[b.readableBytes() / 4];
        for (int i = 0; i < words.length; i++) {
            words[i] = b.readInt();
        }
        return words;
    }

    /** Sends a call and reads the reply record. */
    public static int[] roundTrip(Socket s, byte[] call) throws IOException {
        writeRecord(s, call);
        return readRecord(s);
    }
}
