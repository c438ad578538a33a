package io.dittofs.block.remote.fs;

import io.dittofs.block.remote.RemoteStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A remote tier on a directory (a mounted share, or a stand-in object store that survives a
 * process, as the crash test needs). Keys map to relative paths; objects are written by rename.
 */
public final class FsRemoteStore implements RemoteStore {

    private final Path root;
    private final AtomicLong tmp = new AtomicLong();

    public FsRemoteStore(Path root) throws IOException {
        this.root = Files.createDirectories(root);
    }

    private Path path(String key) {
        if (key.isEmpty() || key.contains("..") || key.startsWith("/") || key.contains("\\")) {
            throw new IllegalArgumentException("bad object key '" + key + "'");
        }
        return root.resolve(key);
    }

    @Override
    public void put(String key, byte[] content) throws IOException {
        Path target = path(key);
        Files.createDirectories(target.getParent());
        Path t = target.resolveSibling(target.getFileName() + "." + tmp.incrementAndGet() + ".part");
        Files.write(t, content);
        Files.move(t, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public byte[] get(String key) throws IOException {
        try {
            return Files.readAllBytes(path(key));
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(path(key));
    }

    @Override
    public Set<String> list(String prefix) throws IOException {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(Files::isRegularFile).forEach(p -> {
                String key = root.relativize(p).toString().replace('\\', '/');
                if (key.startsWith(prefix) && !key.endsWith(".part")) {
                    out.add(key);
                }
            });
        }
        return out;
    }

    @Override
    public void close() {
        // nothing to release
    }

    @Override
    public String toString() {
        return "fs:" + root;
    }
}
