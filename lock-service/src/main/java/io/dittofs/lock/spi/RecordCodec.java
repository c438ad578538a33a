package io.dittofs.lock.spi;

import com.google.protobuf.ByteString;
import io.dittofs.lock.core.ClientEntry;
import io.dittofs.lock.core.GrantEntry;
import io.dittofs.lock.core.HeldLock;
import io.dittofs.lock.core.OpenEntry;
import io.dittofs.lock.core.Owner;
import io.dittofs.lock.core.Protocol;
import io.dittofs.lock.core.Range;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Encodes the durable part of each state record (not the in-memory flags: renewal time, break in
 * progress, reclaim marks). Format: a version byte, then fields; byte strings as a 2-byte length
 * and bytes. Decoding checks every length against what is left and answers a StoreException for
 * anything malformed, never an unchecked buffer error.
 */
public final class RecordCodec {

    private static final byte VERSION = 1;
    private static final int MAX_BYTES = 4096;

    private RecordCodec() {
    }

    public static byte[] client(ClientEntry c) {
        return write(out -> {
            out.writeByte(c.protocol().ordinal());
            bytes(out, c.key());
            out.writeInt(c.leaseSeconds());
            bytes(out, ByteString.copyFromUtf8(c.gatewayId()));
        });
    }

    public static ClientEntry client(ByteString id, byte[] v) {
        ByteBuffer in = open(v);
        try {
            Protocol p = protocol(in.get());
            ByteString key = bytes(in);
            int lease = in.getInt();
            String gw = bytes(in).toString(StandardCharsets.UTF_8);
            end(in);
            return new ClientEntry(id, p, key, Math.max(0, lease), gw, 0, false, false);
        } catch (BufferUnderflowException e) {
            throw corrupt("client", e);
        }
    }

    public static byte[] open(OpenEntry o) {
        return write(out -> {
            bytes(out, o.file());
            bytes(out, o.owner().client());
            bytes(out, o.owner().owner());
            out.writeInt(o.access());
            out.writeInt(o.deny());
            bytes(out, o.grantId());
        });
    }

    public static OpenEntry open(ByteString id, byte[] v) {
        ByteBuffer in = open(v);
        try {
            OpenEntry o = new OpenEntry(id, bytes(in), new Owner(bytes(in), bytes(in)), in.getInt(), in.getInt(),
                    bytes(in), true);
            end(in);
            return o;
        } catch (BufferUnderflowException e) {
            throw corrupt("open", e);
        }
    }

    public static byte[] lock(HeldLock l) {
        return write(out -> {
            bytes(out, l.file());
            bytes(out, l.owner().client());
            bytes(out, l.owner().owner());
            out.writeByte(l.protocol().ordinal());
            out.writeLong(l.range().start());
            out.writeLong(l.range().last());
            out.writeBoolean(l.exclusive());
            bytes(out, l.openId());
        });
    }

    public static HeldLock lock(ByteString id, byte[] v) {
        ByteBuffer in = open(v);
        try {
            ByteString file = bytes(in);
            Owner owner = new Owner(bytes(in), bytes(in));
            Protocol p = protocol(in.get());
            long start = in.getLong();
            long last = in.getLong();
            if (Long.compareUnsigned(start, last) > 0) {
                throw new StoreException("corrupt lock record: start after last", null);
            }
            boolean exclusive = in.get() != 0;
            ByteString openId = bytes(in);
            end(in);
            return new HeldLock(id, file, owner, p, new Range(start, last), exclusive, openId, true);
        } catch (BufferUnderflowException e) {
            throw corrupt("lock", e);
        }
    }

    public static byte[] grant(GrantEntry g) {
        return write(out -> {
            bytes(out, g.file());
            bytes(out, g.client());
            out.writeByte(g.protocol().ordinal());
            bytes(out, g.holder());
            bytes(out, g.leaseKey());
            out.writeInt(g.bits());
            out.writeBoolean(g.directory());
        });
    }

    public static GrantEntry grant(ByteString id, byte[] v) {
        ByteBuffer in = open(v);
        try {
            ByteString file = bytes(in);
            ByteString client = bytes(in);
            Protocol p = protocol(in.get());
            ByteString holder = bytes(in);
            ByteString leaseKey = bytes(in);
            int bits = in.getInt() & GrantEntry.ALL;
            boolean dir = in.get() != 0;
            end(in);
            return new GrantEntry(id, file, client, p, holder, leaseKey, bits, dir, -1, 0, true);
        } catch (BufferUnderflowException e) {
            throw corrupt("grant", e);
        }
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] write(Writer w) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(96);
        try (DataOutputStream out = new DataOutputStream(buf)) {
            out.writeByte(VERSION);
            w.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return buf.toByteArray();
    }

    private static void bytes(DataOutputStream out, ByteString b) throws IOException {
        if (b.size() > MAX_BYTES) {
            throw new IllegalArgumentException("field of " + b.size() + " bytes exceeds " + MAX_BYTES);
        }
        out.writeShort(b.size());
        b.writeTo(out);
    }

    private static ByteBuffer open(byte[] v) {
        if (v == null || v.length == 0 || v[0] != VERSION) {
            throw new StoreException("lock record has an unknown version", null);
        }
        ByteBuffer in = ByteBuffer.wrap(v);
        in.get();
        return in;
    }

    private static ByteString bytes(ByteBuffer in) {
        int n = Short.toUnsignedInt(in.getShort());
        if (n > in.remaining() || n > MAX_BYTES) {
            throw new StoreException("corrupt lock record: field of " + n + " bytes, " + in.remaining() + " left", null);
        }
        ByteString b = ByteString.copyFrom(in.array(), in.position(), n);
        in.position(in.position() + n);
        return b;
    }

    private static Protocol protocol(byte b) {
        if (b < 0 || b >= Protocol.values().length) {
            throw new StoreException("corrupt lock record: protocol " + b, null);
        }
        return Protocol.values()[b];
    }

    private static void end(ByteBuffer in) {
        if (in.hasRemaining()) {
            throw new StoreException("corrupt lock record: " + in.remaining() + " trailing bytes", null);
        }
    }

    private static StoreException corrupt(String what, RuntimeException e) {
        return new StoreException("corrupt " + what + " record: truncated", e);
    }
}
