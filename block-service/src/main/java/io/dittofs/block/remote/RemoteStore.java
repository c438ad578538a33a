package io.dittofs.block.remote;

import java.io.IOException;
import java.util.Set;

/**
 * The remote tier SPI: an object store of immutable, content-named blocks. Only the syncer writes
 * it. Every implementation passes the RemoteStore conformance suite. Thread-safe.
 */
public interface RemoteStore extends AutoCloseable {

    /** Stores (or overwrites with identical content) an object. */
    void put(String key, byte[] content) throws IOException;

    /** The object's content, or null when it does not exist. */
    byte[] get(String key) throws IOException;

    /** Removes the object; removing a missing object is not an error. */
    void delete(String key) throws IOException;

    /** Every key starting with prefix. */
    Set<String> list(String prefix) throws IOException;

    @Override
    void close() throws IOException;
}
