package io.dittofs.gateway.smb.ops.fsctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dittofs.gateway.smb.wire.WireException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The FSCTL input decoders: SRV_COPYCHUNK_COPY bounded by the chunk limit, the 16-byte ranges, DUPLICATE_EXTENTS_DATA. */
class FsctlDecodersTest {

    private static ByteBuffer copy(int announced, int carried) {
        ByteBuffer b = ByteBuffer.allocate(32 + 24 * carried).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[24]).putInt(announced).putInt(0);
        for (int i = 0; i < carried; i++) {
            b.putLong(i * 10L).putLong(i * 20L).putInt(0xFFFFFFFF).putInt(0);
        }
        return b;
    }

    @Test
    void chunksDecodeWithUnsignedLengths() throws WireException {
        CopyChunkRequest cc = CopyChunkRequest.decode(copy(2, 2).array(), 256);
        assertThat(cc.overLimit()).isFalse();
        assertThat(cc.chunks()).containsExactly(new CopyChunkRequest.Chunk(0, 0, 0xFFFFFFFFL),
                new CopyChunkRequest.Chunk(10, 20, 0xFFFFFFFFL));
    }

    @Test
    void moreChunksThanTheLimitAreNotRead() throws WireException {
        // 0xFFFFFFFF announced, none carried: no allocation follows the announced count
        CopyChunkRequest cc = CopyChunkRequest.decode(copy(-1, 0).array(), 256);
        assertThat(cc.overLimit()).isTrue();
        assertThat(cc.chunks()).isEmpty();
    }

    @Test
    void fewerChunksThanAnnouncedAreRefused() {
        assertThatThrownBy(() -> CopyChunkRequest.decode(copy(3, 2).array(), 256)).isInstanceOf(WireException.class);
        assertThatThrownBy(() -> CopyChunkRequest.decode(new byte[31], 256)).isInstanceOf(WireException.class);
    }

    @Test
    void responseIsThreeLittleEndianCounts() {
        assertThat(CopyChunkRequest.response(256, 1 << 20, 16 << 20)).containsExactly(
                0, 1, 0, 0, 0, 0, 0x10, 0, 0, 0, 0, 1);
    }

    @Test
    void rangesDecodeSignedAndEncodeWholeEntriesOnly() throws WireException {
        ByteBuffer b = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN).putLong(-1).putLong(5).putInt(9);
        assertThat(FileRange.decode(b.array())).isEqualTo(new FileRange(-1, 5));
        assertThatThrownBy(() -> FileRange.decode(new byte[15])).isInstanceOf(WireException.class);
        List<FileRange> two = List.of(new FileRange(0, 1), new FileRange(2, 3));
        assertThat(FileRange.encode(two, 31)).hasSize(16);
        assertThat(FileRange.encode(two, 32)).hasSize(32);
    }

    @Test
    void duplicateExtentsDecodeTheSourceFileIdAndSignedValues() throws WireException {
        ByteBuffer b = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(7).putLong(9).putLong(4096).putLong(-1).putLong(1L << 40).putInt(0x55);
        DuplicateExtentsRequest d = DuplicateExtentsRequest.decode(b.array());
        assertThat(d.source()).isEqualTo(new io.dittofs.gateway.smb.wire.FileId(7, 9));
        assertThat(d.sourceOffset()).isEqualTo(4096);
        assertThat(d.targetOffset()).isEqualTo(-1);
        assertThat(d.byteCount()).isEqualTo(1L << 40);
        assertThatThrownBy(() -> DuplicateExtentsRequest.decode(new byte[39])).isInstanceOf(WireException.class);
    }
}
