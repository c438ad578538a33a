package io.dittofs.block.core.blockmap;

import com.google.protobuf.ByteString;
import io.dittofs.block.core.cas.BlockHash;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * The persisted block maps: {@code magic | version | epoch | block size | payload count |
 * payloads… | crc32c}. Each payload: id, size, entry count, entries (index, kind, hash/length).
 * Only sealed and zero entries are persisted: a checkpoint is written after sealing every dirty block.
 * The decoder checks every count against the bytes that remain before allocating.
 */
public final class CheckpointCodec {

    private static final int MAGIC = 0xD17C_0001;
    private static final byte SEALED = 1, ZERO = 2;

    /** A decoded checkpoint. */
    public record Checkpoint(long epoch, int blockSize, List<Payload> payloads) {
    }

    /** One payload's persisted map. */
    public record Payload(ByteString id, long size, Map<Long, Entry> entries) {
    }

    private CheckpointCodec() {
    }

    public static ByteBuffer encode(long epoch, int blockSize, Collection<PayloadMap> maps) {
        long bytes = 4 + 4 + 8 + 4 + 4 + 4;
        for (PayloadMap m : maps) {
            bytes += 1 + m.id().size() + 8 + 4 + (long) m.blocks().size() * (8 + 1 + BlockHash.BYTES + 4);
        }
        if (bytes > Integer.MAX_VALUE - 64) {
            throw new IllegalStateException("checkpoint too large: " + bytes + " bytes");
        }
        ByteBuffer out = ByteBuffer.allocate((int) bytes);
        out.putInt(MAGIC).putInt(1).putLong(epoch).putInt(blockSize).putInt(maps.size());
        for (PayloadMap m : maps) {
            out.put((byte) m.id().size());
            m.id().copyTo(out);
            out.putLong(m.size()).putInt(m.blocks().size());
            for (Map.Entry<Long, Entry> e : m.blocks().entrySet()) {
                out.putLong(e.getKey());
                switch (e.getValue()) {
                    case Entry.Sealed s -> {
                        out.put(SEALED);
                        s.hash().writeTo(out);
                        out.putInt(s.length());
                    }
                    case Entry.Zero z -> out.put(ZERO);
                    case Entry.Dirty d -> throw new IllegalStateException("dirty block in a checkpoint");
                    case Entry.Patched p -> throw new IllegalStateException("patched block in a checkpoint");
                }
            }
        }
        CRC32C crc = new CRC32C();
        crc.update(out.array(), 0, out.position());
        out.putInt((int) crc.getValue());
        out.flip();
        return out;
    }

    public static Checkpoint decode(ByteBuffer in) {
        ByteBuffer b = in.duplicate();
        if (b.remaining() < 28) {
            throw new IllegalArgumentException("checkpoint too short: " + b.remaining() + " bytes");
        }
        CRC32C crc = new CRC32C();
        ByteBuffer covered = b.duplicate();
        covered.limit(b.limit() - 4);
        crc.update(covered);
        if ((int) crc.getValue() != b.getInt(b.limit() - 4)) {
            throw new IllegalArgumentException("checkpoint checksum mismatch");
        }
        b.limit(b.limit() - 4);
        try {
            if (b.getInt() != MAGIC || b.getInt() != 1) {
                throw new IllegalArgumentException("not a version 1 checkpoint");
            }
            long epoch = b.getLong();
            int blockSize = b.getInt();
            if (blockSize < 4096 || Integer.bitCount(blockSize) != 1) {
                throw new IllegalArgumentException("bad block size " + blockSize);
            }
            int count = b.getInt();
            if (count < 0 || count > b.remaining() / 13) {
                throw new IllegalArgumentException("bad payload count " + count);
            }
            List<Payload> payloads = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int idLen = Byte.toUnsignedInt(b.get());
                if (idLen == 0 || idLen > b.remaining()) {
                    throw new IllegalArgumentException("bad payload id length " + idLen);
                }
                ByteString id = ByteString.copyFrom(b, idLen);
                long size = b.getLong();
                int entries = b.getInt();
                if (size < 0 || entries < 0 || entries > b.remaining() / 9) {
                    throw new IllegalArgumentException("bad payload header");
                }
                Map<Long, Entry> map = new TreeMap<>();
                for (int j = 0; j < entries; j++) {
                    long index = b.getLong();
                    byte kind = b.get();
                    if (index < 0 || index > size / blockSize) {
                        throw new IllegalArgumentException("block index " + index + " beyond size " + size);
                    }
                    map.put(index, switch (kind) {
                        case SEALED -> {
                            BlockHash h = BlockHash.read(b);
                            int len = b.getInt();
                            if (len < 1 || len > blockSize) {
                                throw new IllegalArgumentException("bad sealed length " + len);
                            }
                            yield new Entry.Sealed(h, len);
                        }
                        case ZERO -> Entry.ZERO;
                        default -> throw new IllegalArgumentException("bad entry kind " + kind);
                    });
                }
                payloads.add(new Payload(id, size, map));
            }
            if (b.hasRemaining()) {
                throw new IllegalArgumentException("trailing bytes in checkpoint");
            }
            return new Checkpoint(epoch, blockSize, payloads);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("truncated checkpoint", e);
        }
    }
}
