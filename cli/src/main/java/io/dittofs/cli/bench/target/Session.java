package io.dittofs.cli.bench.target;

import java.io.IOException;

/**
 * One worker's connection to the system under test. Paths are one directory below the run
 * directory ({@code dir} or {@code dir/name}), which keeps the NFS side free of path walks.
 * Not thread-safe: each worker opens its own.
 */
public interface Session extends AutoCloseable {

    void mkdir(String dir) throws IOException;

    void rmdir(String dir) throws IOException;

    /** Creates (or truncates) a file and opens it for reading and writing. */
    FileRef create(String dir, String name) throws IOException;

    void write(FileRef file, long offset, byte[] data, int length) throws IOException;

    /** Reads exactly {@code length} bytes (fails on a short read: the files are pre-filled). */
    void read(FileRef file, long offset, byte[] buffer, int length) throws IOException;

    /** Closes a file; what the target needs to make writes durable as a local close would (NFS: COMMIT). */
    void closeFile(FileRef file) throws IOException;

    void stat(String dir, String name) throws IOException;

    void rename(String dir, String from, String to) throws IOException;

    void unlink(String dir, String name) throws IOException;

    /** Lists a directory completely; returns the number of entries (without . and ..). */
    int list(String dir) throws IOException;

    @Override
    void close() throws IOException;

    /** An open file as the target knows it. */
    interface FileRef {
    }
}
