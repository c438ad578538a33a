package io.dittofs.gateway.share;

import com.google.protobuf.InvalidProtocolBufferException;
import io.dittofs.contracts.control.ConfigView;
import io.dittofs.contracts.control.v1.ConfigSnapshot;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last share configuration the control plane delivered, kept on disk so that a restarted
 * gateway serves its shares before the control plane is up again (then the watch stream's fresh
 * snapshot replaces it). Only what the gateway needs is kept: shares, users and groups (no
 * secrets travel on the watch stream). Format, version 1: {@code "DFSHARES"}, u32 version, u32
 * payload length, u32 CRC32C of the payload, payload = a {@code ConfigSnapshot} message. Written
 * to a temporary file, fsynced and renamed over the old one, so a crash leaves the old or the new
 * file, never a torn one; a file that fails any check is ignored (the gateway then waits for the
 * control plane, as on a first start).
 */
public final class ShareSnapshotFile implements AutoCloseable {

    /** A file that is not a share snapshot this version can read. */
    public static final class CorruptSnapshotException extends Exception {
        CorruptSnapshotException(String message) {
            super(message);
        }

        CorruptSnapshotException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static final byte[] MAGIC = "DFSHARES".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int HEADER = MAGIC.length + 12;
    /** Far above any real configuration; a larger length field is corruption, not a reason to allocate. */
    static final int MAX_PAYLOAD = 64 << 20;
    private static final Logger log = LoggerFactory.getLogger(ShareSnapshotFile.class);

    private final Path file;
    private final AtomicReference<ConfigView> pending = new AtomicReference<>();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "share-snapshot-writer");
        t.setDaemon(true);
        return t;
    });

    public ShareSnapshotFile(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    /** The saved configuration; empty when there is none or it cannot be read (logged). */
    public Optional<ConfigView> load() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            log.warn("share snapshot {} unreadable, waiting for the control plane instead: {}", file, e.toString());
            return Optional.empty();
        }
        try {
            return Optional.of(decode(bytes));
        } catch (CorruptSnapshotException e) {
            log.warn("share snapshot {} ignored, waiting for the control plane instead: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    /** Saves {@code view} on a background thread; of several views queued meanwhile only the last is written. */
    public void saveLater(ConfigView view) {
        if (pending.getAndSet(view) == null) {
            writer.execute(this::writePending);
        }
    }

    private void writePending() {
        ConfigView view = pending.getAndSet(null);
        if (view == null) {
            return;
        }
        try {
            save(view);
        } catch (IOException e) {
            // the gateway keeps serving from memory; only the next restart loses the head start
            log.warn("cannot save the share snapshot {}: {}", file, e.toString());
        }
    }

    /** Writes {@code view} now, atomically. */
    public void save(ConfigView view) throws IOException {
        byte[] bytes = encode(view);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true); // the rename itself survives a crash
        }
    }

    static byte[] encode(ConfigView view) {
        ConfigSnapshot.Builder s = ConfigSnapshot.newBuilder().setRevision(view.revision())
                .addAllShares(view.shares().values()).addAllUsers(view.users().values())
                .addAllGroups(view.groups().values());
        byte[] payload = s.build().toByteArray();
        CRC32C crc = new CRC32C();
        crc.update(payload);
        return ByteBuffer.allocate(HEADER + payload.length).put(MAGIC).putInt(VERSION).putInt(payload.length)
                .putInt((int) crc.getValue()).put(payload).array();
    }

    /** Parses a whole file; every field is checked before it is used. */
    public static ConfigView decode(byte[] bytes) throws CorruptSnapshotException {
        if (bytes.length < HEADER || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new CorruptSnapshotException("not a share snapshot (" + bytes.length + " bytes)");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes, MAGIC.length, bytes.length - MAGIC.length);
        int version = b.getInt();
        if (version != VERSION) {
            throw new CorruptSnapshotException("version " + Integer.toUnsignedString(version) + ", this gateway reads " + VERSION);
        }
        int length = b.getInt();
        if (length < 0 || length > MAX_PAYLOAD || length != bytes.length - HEADER) {
            throw new CorruptSnapshotException("payload length " + Integer.toUnsignedString(length) + " but "
                    + (bytes.length - HEADER) + " bytes follow the header");
        }
        int expected = b.getInt();
        CRC32C crc = new CRC32C();
        crc.update(bytes, HEADER, length);
        if ((int) crc.getValue() != expected) {
            throw new CorruptSnapshotException("checksum mismatch");
        }
        try {
            return ConfigView.of(ConfigSnapshot.parseFrom(ByteBuffer.wrap(bytes, HEADER, length)));
        } catch (InvalidProtocolBufferException e) {
            throw new CorruptSnapshotException("payload does not parse: " + e.getMessage(), e);
        }
    }

    /** Writes what is still queued, then stops the writer. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("share snapshot {} still being written at shutdown", file);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
