package io.dittofs.block.core.wal;

import com.google.protobuf.ByteString;
import io.dittofs.block.core.cas.BlockHash;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * Frames: {@code magic u32 | body length u32 | crc32c u32 | body}. The body is a type byte
 * and the record's fields; Write data is the body's tail, so a 4 MiB write is framed without a
 * copy (the frame is a gathering write of header + caller's buffer).
 *
 * <p>Two magics. {@link #MAGIC}: the checksum covers the body alone (Epoch records, and every
 * record of logs written before recycling). {@link #MAGIC_SEEDED}: the checksum covers the log's
 * epoch (u64, big-endian) and then the body, so a frame left behind by an earlier generation of a
 * recycled log file fails its checksum in the new one and ends the replay like a torn tail.
 */
public final class WalCodec {

    public static final int MAGIC = 0xD177_0FA1;
    public static final int MAGIC_SEEDED = 0xD177_0FA2;
    public static final int HEADER = 12;
    /** Larger than any record the service writes (a 4 MiB write plus fields); longer frames are corrupt. */
    public static final int MAX_BODY = 64 * 1024 * 1024;
    static final int MAX_ID = 255;

    private static final byte EPOCH = 1, WRITE = 2, TRUNCATE = 3, ALLOCATE = 4, DEALLOCATE = 5, CLONE = 6, DELETE = 7,
            FULL_BLOCKS = 8;
    /**
     * Layout version of a FULL_BLOCKS body (its first byte after the type): a later layout gets a new
     * number, and a log written by this code keeps replaying. Logs of before FULL_BLOCKS have none of it.
     */
    static final byte FULL_BLOCKS_V1 = 1;
    private static final byte ZERO_BLOCK = 0, SEALED_BLOCK = 1;
    /** Bounds of a block size a record may name (EngineSettings accepts the same). */
    private static final int MIN_BLOCK = 4096, MAX_BLOCK = 64 << 20;
    /** Offsets and ends above this are corrupt (BlockEngine.MAX_SIZE). */
    private static final long MAX_END = 1L << 60;

    private WalCodec() {
    }

    /** Header + fields in one buffer, plus the Write data (or an empty buffer) as the second part. */
    public static ByteBuffer[] encode(WalRecord record) {
        return encode(record, null);
    }

    /**
     * Like {@link #encode(WalRecord)}, but a record other than an Epoch is framed with
     * {@link #MAGIC_SEEDED} and its checksum seeded with {@code epoch} (null: unseeded).
     */
    public static ByteBuffer[] encode(WalRecord record, Long epoch) {
        ByteBuffer fields = ByteBuffer.allocate(HEADER + 1 + 2 * (1 + MAX_ID) + 4 * Long.BYTES);
        fields.position(HEADER);
        ByteBuffer data = ByteBuffer.allocate(0);
        switch (record) {
            case WalRecord.Epoch e -> fields.put(EPOCH).putLong(e.epoch());
            case WalRecord.Write w -> {
                fields.put(WRITE);
                putId(fields, w.payload());
                fields.putLong(w.offset());
                data = w.data().duplicate();
            }
            case WalRecord.FullBlocks f -> {
                fields.put(FULL_BLOCKS).put(FULL_BLOCKS_V1);
                putId(fields, f.payload());
                fields.putLong(f.offset()).putInt(f.blockSize()).putInt(f.blocks().size());
                data = ByteBuffer.allocate(f.blocks().size() * (1 + BlockHash.BYTES));
                for (var b : f.blocks()) {
                    if (b.isPresent()) {
                        data.put(SEALED_BLOCK);
                        b.get().writeTo(data);
                    } else {
                        data.put(ZERO_BLOCK);
                    }
                }
                data.flip();
            }
            case WalRecord.Truncate t -> {
                fields.put(TRUNCATE);
                putId(fields, t.payload());
                fields.putLong(t.size());
            }
            case WalRecord.Allocate a -> {
                fields.put(ALLOCATE);
                putId(fields, a.payload());
                fields.putLong(a.offset()).putLong(a.length());
            }
            case WalRecord.Deallocate d -> {
                fields.put(DEALLOCATE);
                putId(fields, d.payload());
                fields.putLong(d.offset()).putLong(d.length());
            }
            case WalRecord.Clone c -> {
                fields.put(CLONE);
                putId(fields, c.source());
                fields.putLong(c.sourceOffset());
                putId(fields, c.destination());
                fields.putLong(c.destinationOffset()).putLong(c.length());
            }
            case WalRecord.Delete d -> {
                fields.put(DELETE);
                putId(fields, d.payload());
            }
        }
        int bodyLen = fields.position() - HEADER + data.remaining();
        if (bodyLen > MAX_BODY) {
            throw new IllegalArgumentException("WAL record of " + bodyLen + " bytes exceeds " + MAX_BODY);
        }
        boolean seeded = epoch != null && !(record instanceof WalRecord.Epoch);
        CRC32C crc = new CRC32C();
        if (seeded) {
            crc.update(seed(epoch));
        }
        crc.update(fields.array(), HEADER, fields.position() - HEADER);
        crc.update(data.duplicate());
        fields.putInt(0, seeded ? MAGIC_SEEDED : MAGIC).putInt(4, bodyLen).putInt(8, (int) crc.getValue());
        fields.flip();
        return new ByteBuffer[] {fields, data};
    }

    private static void putId(ByteBuffer out, ByteString id) {
        if (id.isEmpty() || id.size() > MAX_ID) {
            throw new IllegalArgumentException("payload id must have 1.." + MAX_ID + " bytes");
        }
        out.put((byte) id.size());
        id.copyTo(out);
    }

    /** Validates a header; returns the body length, or -1 when the header is not a frame start. */
    static int bodyLength(ByteBuffer header, long remainingAfterHeader) {
        int magic = header.getInt(0);
        if (magic != MAGIC && magic != MAGIC_SEEDED) {
            return -1;
        }
        int len = header.getInt(4);
        if (len < 1 || len > MAX_BODY || len > remainingAfterHeader) {
            return -1;
        }
        return len;
    }

    /** An unseeded frame's checksum; a seeded frame fails here (its epoch is not known). */
    static boolean checksumOk(ByteBuffer header, ByteBuffer body) {
        return checksumOk(header, body, null);
    }

    /** Whether the frame's checksum holds, a seeded frame's for the log's {@code epoch} (null: none known). */
    static boolean checksumOk(ByteBuffer header, ByteBuffer body, Long epoch) {
        boolean seeded = header.getInt(0) == MAGIC_SEEDED;
        if (seeded && epoch == null) {
            return false;
        }
        CRC32C crc = new CRC32C();
        if (seeded) {
            crc.update(seed(epoch));
        }
        crc.update(body.duplicate());
        return (int) crc.getValue() == header.getInt(8);
    }

    private static byte[] seed(long epoch) {
        return ByteBuffer.allocate(Long.BYTES).putLong(epoch).array();
    }

    /** Decodes a checksummed body; throws IllegalArgumentException on anything malformed. */
    public static WalRecord decode(ByteBuffer body) {
        try {
            byte type = body.get();
            WalRecord r = switch (type) {
                case EPOCH -> new WalRecord.Epoch(body.getLong());
                case WRITE -> {
                    ByteString id = getId(body);
                    long off = body.getLong();
                    yield new WalRecord.Write(id, nonNegative(off), body.slice());
                }
                case FULL_BLOCKS -> fullBlocks(body);
                case TRUNCATE -> new WalRecord.Truncate(getId(body), nonNegative(body.getLong()));
                case ALLOCATE -> new WalRecord.Allocate(getId(body), nonNegative(body.getLong()), nonNegative(body.getLong()));
                case DEALLOCATE -> new WalRecord.Deallocate(getId(body), nonNegative(body.getLong()), nonNegative(body.getLong()));
                case CLONE -> new WalRecord.Clone(getId(body), nonNegative(body.getLong()), getId(body),
                        nonNegative(body.getLong()), nonNegative(body.getLong()));
                case DELETE -> new WalRecord.Delete(getId(body));
                default -> throw new IllegalArgumentException("unknown WAL record type " + type);
            };
            if (!(r instanceof WalRecord.Write) && body.hasRemaining()) {
                throw new IllegalArgumentException("trailing bytes in WAL record " + r.getClass().getSimpleName());
            }
            return r;
        } catch (java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("truncated WAL record", e);
        }
    }

    /** Never trusts a length: the count is bounded by the bytes left, the geometry by the engine's limits. */
    private static WalRecord.FullBlocks fullBlocks(ByteBuffer body) {
        byte version = body.get();
        if (version != FULL_BLOCKS_V1) {
            throw new IllegalArgumentException("unknown full-blocks record version " + version);
        }
        ByteString id = getId(body);
        long offset = nonNegative(body.getLong());
        int blockSize = body.getInt();
        int count = body.getInt();
        if (blockSize < MIN_BLOCK || blockSize > MAX_BLOCK || Integer.bitCount(blockSize) != 1) {
            throw new IllegalArgumentException("bad block size " + blockSize + " in full-blocks record");
        }
        if (offset % blockSize != 0 || offset >= MAX_END) {
            throw new IllegalArgumentException("full-blocks record at unaligned or huge offset " + offset);
        }
        if (count < 1 || count > body.remaining() || (long) count * blockSize > MAX_END - offset) {
            throw new IllegalArgumentException("bad block count " + count + " in full-blocks record");
        }
        List<Optional<BlockHash>> blocks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte kind = body.get();
            blocks.add(switch (kind) {
                case ZERO_BLOCK -> Optional.empty();
                case SEALED_BLOCK -> Optional.of(BlockHash.read(body));
                default -> throw new IllegalArgumentException("bad block kind " + kind + " in full-blocks record");
            });
        }
        return new WalRecord.FullBlocks(id, offset, blockSize, blocks);
    }

    private static ByteString getId(ByteBuffer in) {
        int len = Byte.toUnsignedInt(in.get());
        if (len == 0 || len > in.remaining()) {
            throw new IllegalArgumentException("bad payload id length " + len);
        }
        ByteString id = ByteString.copyFrom(in, len);
        return id;
    }

    private static long nonNegative(long v) {
        if (v < 0) {
            throw new IllegalArgumentException("negative offset or length in WAL record");
        }
        return v;
    }
}
