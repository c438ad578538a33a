package io.dittofs.block.remote.memory;

import io.dittofs.block.remote.RemoteStore;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** The remote tier in the heap: for tests, benchmarks and the embedded default without object storage. */
public final class MemoryRemoteStore implements RemoteStore {

    private final ConcurrentHashMap<String, byte[]> objects = new ConcurrentHashMap<>();

    @Override
    public void put(String key, byte[] content) {
        objects.put(key, content.clone());
    }

    @Override
    public byte[] get(String key) {
        byte[] b = objects.get(key);
        return b == null ? null : b.clone();
    }

    @Override
    public void delete(String key) {
        objects.remove(key);
    }

    @Override
    public Set<String> list(String prefix) {
        Set<String> out = new TreeSet<>();
        for (String k : objects.keySet()) {
            if (k.startsWith(prefix)) {
                out.add(k);
            }
        }
        return out;
    }

    @Override
    public void close() {
        // nothing to release
    }

    @Override
    public String toString() {
        return "memory";
    }
}
