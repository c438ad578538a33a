package io.dittofs.cli.bench.target;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.stream.Stream;

/** A directory on any mounted file system (local disk, a kernel NFS or SMB mount), driven through java.nio. */
public record LocalTarget(Path root) implements BenchTarget {

    @Override
    public void createRunDir(String runDir) throws IOException {
        Files.createDirectory(root.resolve(runDir));
    }

    @Override
    public void removeRunDir(String runDir) throws IOException {
        try (Stream<Path> all = Files.walk(root.resolve(runDir))) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Override
    public String describe() {
        return root.toString();
    }

    @Override
    public Session open(String runDir) {
        return new LocalSession(root.resolve(runDir));
    }

    private record Channel(FileChannel channel) implements Session.FileRef {
    }

    private record LocalSession(Path base) implements Session {

        @Override
        public void mkdir(String dir) throws IOException {
            Files.createDirectory(base.resolve(dir));
        }

        @Override
        public void rmdir(String dir) throws IOException {
            Files.delete(base.resolve(dir));
        }

        @Override
        public FileRef create(String dir, String name) throws IOException {
            return new Channel(FileChannel.open(base.resolve(dir).resolve(name), StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.READ, StandardOpenOption.WRITE));
        }

        @Override
        public void write(FileRef file, long offset, byte[] data, int length) throws IOException {
            ByteBuffer b = ByteBuffer.wrap(data, 0, length);
            long pos = offset;
            while (b.hasRemaining()) {
                pos += ((Channel) file).channel().write(b, pos);
            }
        }

        @Override
        public void read(FileRef file, long offset, byte[] buffer, int length) throws IOException {
            ByteBuffer b = ByteBuffer.wrap(buffer, 0, length);
            long pos = offset;
            while (b.hasRemaining()) {
                int n = ((Channel) file).channel().read(b, pos);
                if (n < 0) {
                    throw new EOFException("short read at " + pos);
                }
                pos += n;
            }
        }

        @Override
        public void closeFile(FileRef file) throws IOException {
            ((Channel) file).channel().close();
        }

        @Override
        public void stat(String dir, String name) throws IOException {
            Files.readAttributes(base.resolve(dir).resolve(name), BasicFileAttributes.class);
        }

        @Override
        public void rename(String dir, String from, String to) throws IOException {
            Path d = base.resolve(dir);
            Files.move(d.resolve(from), d.resolve(to));
        }

        @Override
        public void unlink(String dir, String name) throws IOException {
            Files.delete(base.resolve(dir).resolve(name));
        }

        @Override
        public int list(String dir) throws IOException {
            int n = 0;
            try (DirectoryStream<Path> s = Files.newDirectoryStream(base.resolve(dir))) {
                for (Path ignored : s) {
                    n++;
                }
            }
            return n;
        }

        @Override
        public void close() {
            // nothing held between calls
        }
    }
}
