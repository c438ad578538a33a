package io.dittofs.gateway.smb.ops.fsctl;

import io.dittofs.gateway.smb.wire.SmbReader;
import io.dittofs.gateway.smb.wire.SmbWriter;
import io.dittofs.gateway.smb.wire.WireException;
import java.util.ArrayList;
import java.util.List;

/**
 * SRV_COPYCHUNK_COPY (MS-SMB2 2.2.31.1): the source's resume key and the chunks to copy. A request
 * announcing more chunks than the server's limit decodes with {@link #overLimit()} set and no
 * chunks read, so the limit — not the announced count — bounds what is allocated; the handler
 * answers it with the limits (MS-SMB2 3.3.5.15.6).
 */
public record CopyChunkRequest(byte[] sourceKey, long chunkCount, List<Chunk> chunks) {

    public static final int KEY_BYTES = 24;
    static final int FIXED = KEY_BYTES + 8;
    static final int CHUNK_BYTES = 24;

    /** One SRV_COPYCHUNK: where to read, where to write, how much (a ULONG). */
    public record Chunk(long sourceOffset, long targetOffset, long length) {
    }

    public CopyChunkRequest {
        sourceKey = sourceKey.clone();
        chunks = List.copyOf(chunks);
    }

    @Override
    public byte[] sourceKey() {
        return sourceKey.clone();
    }

    public boolean overLimit() {
        return chunkCount != chunks.size();
    }

    /** Decodes at most {@code maxChunks} chunks; more announced makes an {@link #overLimit()} request. */
    public static CopyChunkRequest decode(byte[] input, int maxChunks) throws WireException {
        SmbReader r = SmbReader.of(input);
        byte[] key = r.bytes(KEY_BYTES);
        long count = r.u32();
        r.skip(4);
        if (count > maxChunks) {
            return new CopyChunkRequest(key, count, List.of());
        }
        if (r.remaining() < count * CHUNK_BYTES) {
            throw new WireException("SRV_COPYCHUNK_COPY announces " + count + " chunks, carries fewer");
        }
        List<Chunk> chunks = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            long src = r.i64();
            long dst = r.i64();
            long len = r.u32();
            r.skip(4);
            chunks.add(new Chunk(src, dst, len));
        }
        return new CopyChunkRequest(key, count, chunks);
    }

    /** SRV_COPYCHUNK_RESPONSE (MS-SMB2 2.2.32.1): 12 bytes. */
    public static byte[] response(long chunksWritten, long chunkBytesWritten, long totalBytesWritten) {
        return new SmbWriter(12).i32((int) chunksWritten).i32((int) chunkBytesWritten).i32((int) totalBytesWritten)
                .toByteArray();
    }
}
