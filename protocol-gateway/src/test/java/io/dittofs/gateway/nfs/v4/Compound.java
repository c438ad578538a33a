package io.dittofs.gateway.nfs.v4;

import io.dittofs.gateway.rpc.XdrWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Builds COMPOUND4args for tests, one operation at a time. */
final class Compound {

    private final String tag;
    private final int minor;
    private final List<Consumer<XdrWriter>> ops = new ArrayList<>();

    Compound(String tag, int minor) {
        this.tag = tag;
        this.minor = minor;
    }

    Compound op(int opcode, Consumer<XdrWriter> args) {
        ops.add(w -> {
            w.writeInt(opcode);
            args.accept(w);
        });
        return this;
    }

    Compound op(int opcode) {
        return op(opcode, w -> { });
    }

    Compound putRootFh() {
        return op(24);
    }

    Compound lookup(String name) {
        return op(15, w -> w.writeOpaque(name.getBytes(StandardCharsets.UTF_8)));
    }

    Compound getFh() {
        return op(10);
    }

    Compound getAttr(int... bits) {
        return op(9, w -> io.dittofs.gateway.nfs.v4.attr.Bitmap.of(bits).write(w));
    }

    Compound sequence(byte[] session, int seqid, int slot) {
        return op(53, w -> w.writeFixedOpaque(session).writeInt(seqid).writeInt(slot).writeInt(slot).writeBool(false));
    }

    void write(XdrWriter w) {
        w.writeString(tag).writeInt(minor).writeInt(ops.size());
        ops.forEach(o -> o.accept(w));
    }

    byte[] bytes() {
        ByteBuf b = Unpooled.buffer();
        write(new XdrWriter(b));
        byte[] out = new byte[b.readableBytes()];
        b.readBytes(out);
        b.release();
        return out;
    }
}
