package io.dittofs.gateway.smb.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hierynomus.msdtyp.AccessMask;
import com.hierynomus.mserref.NtStatus;
import com.hierynomus.msfscc.FileAttributes;
import com.hierynomus.msfscc.fileinformation.FileBasicInformation;
import com.hierynomus.mssmb2.SMB2CreateDisposition;
import com.hierynomus.mssmb2.SMB2ShareAccess;
import com.hierynomus.mssmb2.SMBApiException;
import com.hierynomus.smbj.share.DiskShare;
import com.hierynomus.smbj.share.File;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.EnumSet;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The file-system FSCTLs through smbj (SMB 3.1.1, signed) on the real services: server-side copy
 * (smbj's remoteCopyTo: resume key + COPYCHUNK_WRITE), the copy limits and a bad resume key, the
 * sparse flag in the file attributes, zero data, allocated ranges and compression.
 */
class SmbjFsctlTest {

    private static final int RESUME_KEY = 0x00140078;
    private static final int COPYCHUNK = 0x001440F2;
    private static final int SET_SPARSE = 0x000900C4;
    private static final int QUERY_ALLOCATED_RANGES = 0x000940CF;
    private static final int SET_ZERO_DATA = 0x000980C8;
    private static final int DUPLICATE_EXTENTS = 0x00098344;
    private static final int GET_COMPRESSION = 0x0009003C;
    private static final int SET_COMPRESSION = 0x0009C040;

    private SmbjSession smb;
    private SmbFileFixture fixture;
    private DiskShare share;

    @BeforeEach
    void start() throws Exception {
        smb = SmbjSession.open();
        fixture = smb.fixture;
        share = smb.share;
    }

    @AfterEach
    void stop() throws Exception {
        smb.close();
    }

    private File open(String name) {
        return share.openFile(name, EnumSet.of(AccessMask.GENERIC_READ, AccessMask.GENERIC_WRITE),
                EnumSet.of(FileAttributes.FILE_ATTRIBUTE_NORMAL), SMB2ShareAccess.ALL, SMB2CreateDisposition.FILE_OPEN_IF,
                null);
    }

    private static byte[] readAll(File f) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = f.getInputStream()) {
            in.transferTo(out);
        }
        return out.toByteArray();
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void remoteCopyMovesTheBytesServerSide() throws Exception {
        byte[] data = new byte[(3 << 20) + 17];
        new Random(7).nextBytes(data);
        try (File src = open("src.bin"); File dst = open("dst.bin")) {
            src.write(data, 0);
            src.remoteCopyTo(dst);
        }
        try (File dst = open("dst.bin")) {
            assertThat(readAll(dst)).isEqualTo(data);
        }
    }

    @Test
    void copyRefusesChunksOverTheLimitAndUnknownKeys() throws Exception {
        try (File src = open("a.bin"); File dst = open("b.bin")) {
            src.write(new byte[8192], 0);
            byte[] key = new byte[24];
            System.arraycopy(src.ioctl(RESUME_KEY, true, new byte[0], 0, 0), 0, key, 0, 24);
            ByteBuffer cc = le(32 + 24).put(key).putInt(1).putInt(0).putLong(0).putLong(0).putInt(2 << 20).putInt(0);
            assertThatThrownBy(() -> dst.ioctl(COPYCHUNK, true, cc.array(), 0, cc.capacity()))
                    .isInstanceOfSatisfying(SMBApiException.class,
                            e -> assertThat(e.getStatus()).isEqualTo(NtStatus.STATUS_INVALID_PARAMETER));
            ByteBuffer ok = le(32 + 24).put(key).putInt(1).putInt(0).putLong(0).putLong(100).putInt(4096).putInt(0);
            ByteBuffer rsp = ByteBuffer.wrap(dst.ioctl(COPYCHUNK, true, ok.array(), 0, ok.capacity()))
                    .order(ByteOrder.LITTLE_ENDIAN);
            assertThat(rsp.getInt()).as("chunks written").isEqualTo(1);
            assertThat(rsp.getInt()).isZero();
            assertThat(rsp.getInt()).as("total bytes").isEqualTo(4096);
            assertThat(dst.getFileInformation().getStandardInformation().getEndOfFile()).isEqualTo(4196);
            key[0] ^= 1;
            ByteBuffer bad = le(32 + 24).put(key).putInt(1).putInt(0).putLong(0).putLong(0).putInt(4096).putInt(0);
            assertThatThrownBy(() -> dst.ioctl(COPYCHUNK, true, bad.array(), 0, bad.capacity()))
                    .isInstanceOfSatisfying(SMBApiException.class,
                            e -> assertThat(e.getStatus()).isEqualTo(NtStatus.STATUS_OBJECT_NAME_NOT_FOUND));
        }
    }

    @Test
    void sparseFlagShowsInTheAttributesAndClears() {
        try (File f = open("sparse.bin")) {
            f.ioctl(SET_SPARSE, true, new byte[0], 0, 0);
            long attrs = f.getFileInformation(FileBasicInformation.class).getFileAttributes();
            assertThat(attrs & FileAttributes.FILE_ATTRIBUTE_SPARSE_FILE.getValue()).isNotZero();
            f.ioctl(SET_SPARSE, true, new byte[] {0}, 0, 1);
            attrs = f.getFileInformation(FileBasicInformation.class).getFileAttributes();
            assertThat(attrs & FileAttributes.FILE_ATTRIBUTE_SPARSE_FILE.getValue()).isZero();
        }
    }

    @Test
    void zeroDataZerosInsideTheFileAndAllocatedRangesCoverIt() throws Exception {
        byte[] data = new byte[10_000];
        java.util.Arrays.fill(data, (byte) 0x5a);
        try (File f = open("zero.bin")) {
            f.write(data, 0);
            ByteBuffer z = le(16).putLong(1000).putLong(20_000);
            f.ioctl(SET_ZERO_DATA, true, z.array(), 0, 16);
            byte[] back = readAll(f);
            assertThat(back).hasSize(10_000);
            for (int i = 0; i < back.length; i++) {
                assertThat(back[i]).as("byte %d", i).isEqualTo(i < 1000 ? (byte) 0x5a : 0);
            }
            ByteBuffer q = le(16).putLong(500).putLong(1 << 20);
            ByteBuffer r = ByteBuffer.wrap(f.ioctl(QUERY_ALLOCATED_RANGES, true, q.array(), 0, 16))
                    .order(ByteOrder.LITTLE_ENDIAN);
            assertThat(r.remaining()).isEqualTo(16);
            assertThat(r.getLong()).isEqualTo(500);
            assertThat(r.getLong()).isEqualTo(10_000 - 500);
            ByteBuffer past = le(16).putLong(20_000).putLong(100);
            assertThat(f.ioctl(QUERY_ALLOCATED_RANGES, true, past.array(), 0, 16)).isNullOrEmpty();
            ByteBuffer negative = le(16).putLong(-1).putLong(100);
            assertThatThrownBy(() -> f.ioctl(QUERY_ALLOCATED_RANGES, true, negative.array(), 0, 16))
                    .isInstanceOfSatisfying(SMBApiException.class,
                            e -> assertThat(e.getStatus()).isEqualTo(NtStatus.STATUS_INVALID_PARAMETER));
        }
    }

    private static java.util.List<java.util.List<Long>> allocated(File f, long offset, long length, int maxOut) {
        ByteBuffer q = le(16).putLong(offset).putLong(length);
        byte[] out = f.ioctl(QUERY_ALLOCATED_RANGES, true, q.array(), 0, 16, maxOut);
        ByteBuffer r = ByteBuffer.wrap(out == null ? new byte[0] : out).order(ByteOrder.LITTLE_ENDIAN);
        java.util.List<java.util.List<Long>> ranges = new java.util.ArrayList<>();
        while (r.remaining() >= 16) {
            ranges.add(java.util.List.of(r.getLong(), r.getLong()));
        }
        return ranges;
    }

    /** A sparse file's punched 64 KiB inside one 1 MiB block is a hole; not sparse, the file is all allocated. */
    @Test
    void zeroDataPunchesHolesThatSparseFilesReport() throws Exception {
        long k64 = 64 * 1024;
        byte[] data = new byte[(int) (3 * k64)];
        java.util.Arrays.fill(data, (byte) 0x33);
        try (File f = open("holes.bin")) {
            f.write(data, 0);
            f.ioctl(SET_SPARSE, true, new byte[0], 0, 0);
            assertThat(allocated(f, 0, 1 << 20, 64)).containsExactly(java.util.List.of(0L, 3 * k64));
            ByteBuffer z = le(16).putLong(k64).putLong(2 * k64);
            f.ioctl(SET_ZERO_DATA, true, z.array(), 0, 16);
            assertThat(allocated(f, 0, 1 << 20, 64))
                    .containsExactly(java.util.List.of(0L, k64), java.util.List.of(2 * k64, k64));
            assertThat(allocated(f, k64 + 1, k64 - 1, 64)).isEmpty();
            assertThat(allocated(f, k64 + 1, k64, 64)).containsExactly(java.util.List.of(2 * k64, 1L));
            // two ranges, room for one: BUFFER_OVERFLOW; room for exactly two: SUCCESS
            assertThatThrownBy(() -> allocated(f, 0, 1 << 20, 16))
                    .isInstanceOfSatisfying(SMBApiException.class,
                            e -> assertThat(e.getStatus()).isEqualTo(NtStatus.STATUS_BUFFER_OVERFLOW));
            assertThat(allocated(f, 0, 1 << 20, 32)).hasSize(2);
            byte[] back = readAll(f);
            for (int i = 0; i < back.length; i++) {
                assertThat(back[i]).as("byte %d", i).isEqualTo(i >= k64 && i < 2 * k64 ? 0 : (byte) 0x33);
            }
            f.ioctl(SET_SPARSE, true, new byte[] {0}, 0, 1);
            assertThat(allocated(f, 0, 1 << 20, 64)).containsExactly(java.util.List.of(0L, 3 * k64));
            // the whole file punched: no data left at all once sparse again
            f.ioctl(SET_SPARSE, true, new byte[0], 0, 0);
            ByteBuffer all = le(16).putLong(0).putLong(3 * k64);
            f.ioctl(SET_ZERO_DATA, true, all.array(), 0, 16);
            assertThat(allocated(f, 0, 1 << 20, 64)).isEmpty();
            assertThat(f.getFileInformation().getStandardInformation().getEndOfFile()).isEqualTo(3 * k64);
        }
    }

    private static byte[] fileId(File f) {
        com.hierynomus.smb.SMBBuffer b = new com.hierynomus.smb.SMBBuffer();
        f.getFileId().write(b);
        return b.getCompactData();
    }

    private static byte[] duplicate(File source, long sourceOffset, long targetOffset, long count) {
        return le(40).put(fileId(source)).putLong(sourceOffset).putLong(targetOffset).putLong(count).array();
    }

    /** Block cloning: 1 MiB-aligned ranges share blocks, an unaligned one is copied; neither file grows. */
    @Test
    void duplicateExtentsClonesRangesWithinBothFiles() throws Exception {
        int mib = 1 << 20;
        byte[] data = new byte[2 * mib + 5000];
        new Random(11).nextBytes(data);
        try (File src = open("clone-src.bin"); File dst = open("clone-dst.bin")) {
            src.write(data, 0);
            dst.setLength(data.length);
            dst.ioctl(DUPLICATE_EXTENTS, true, duplicate(src, 0, 0, data.length), 0, 40);
            dst.ioctl(DUPLICATE_EXTENTS, true, duplicate(src, 100, mib + 7, 4096), 0, 40);
            byte[] expect = data.clone();
            System.arraycopy(data, 100, expect, mib + 7, 4096);
            assertThat(readAll(dst)).isEqualTo(expect);
            assertThat(readAll(src)).isEqualTo(data);
            assertThat(dst.getFileInformation().getStandardInformation().getEndOfFile()).isEqualTo(data.length);
            // past the target's end: cut at the end, the target does not grow
            dst.ioctl(DUPLICATE_EXTENTS, true, duplicate(src, 0, data.length - 10, 4096), 0, 40);
            System.arraycopy(data, 0, expect, data.length - 10, 10);
            assertThat(readAll(dst)).isEqualTo(expect);
            // past the source's end, overlapping within one file: NOT_SUPPORTED
            for (byte[] bad : new byte[][] {duplicate(src, 4096, 0, data.length), duplicate(dst, 0, 4096, 8192)}) {
                assertThatThrownBy(() -> dst.ioctl(DUPLICATE_EXTENTS, true, bad, 0, 40))
                        .isInstanceOfSatisfying(SMBApiException.class,
                                e -> assertThat(e.getStatus()).isEqualTo(NtStatus.STATUS_NOT_SUPPORTED));
            }
            dst.ioctl(DUPLICATE_EXTENTS, true, duplicate(src, 0, 0, 0), 0, 40); // nothing to do
            assertThatThrownBy(() -> dst.ioctl(DUPLICATE_EXTENTS, true, new byte[39], 0, 39))
                    .isInstanceOfSatisfying(SMBApiException.class,
                            e -> assertThat(e.getStatus()).isEqualTo(NtStatus.STATUS_BUFFER_TOO_SMALL));
        }
    }

    @Test
    void compressionIsNoneAndCannotBeTurnedOn() {
        try (File f = open("plain.bin")) {
            assertThat(f.ioctl(GET_COMPRESSION, true, new byte[0], 0, 0)).containsExactly(0, 0);
            f.ioctl(SET_COMPRESSION, true, new byte[] {0, 0}, 0, 2);
            assertThatThrownBy(() -> f.ioctl(SET_COMPRESSION, true, new byte[] {2, 0}, 0, 2))
                    .isInstanceOfSatisfying(SMBApiException.class,
                            e -> assertThat(e.getStatus()).isEqualTo(NtStatus.STATUS_NOT_SUPPORTED));
        }
    }
}
