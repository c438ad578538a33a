package io.dittofs.block.storetest;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.block.remote.RemoteStore;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every RemoteStore must do; one subclass per backend. */
public abstract class RemoteStoreConformance {

    protected RemoteStore store;
    /** Each test uses its own key space so backends shared across tests start empty. */
    protected String ns;
    private static int counter;

    protected abstract RemoteStore open() throws Exception;

    @BeforeEach
    void setUp() throws Exception {
        store = open();
        ns = "t" + (++counter) + "-" + System.nanoTime() + "/";
    }

    @AfterEach
    void tearDown() throws Exception {
        store.close();
    }

    static byte[] bytes(long seed, int n) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void putGetOverwriteDelete() throws Exception {
        assertThat(store.get(ns + "missing")).isNull();
        store.put(ns + "blocks/a", bytes(1, 1000));
        assertThat(store.get(ns + "blocks/a")).isEqualTo(bytes(1, 1000));
        store.put(ns + "blocks/a", bytes(2, 10));
        assertThat(store.get(ns + "blocks/a")).isEqualTo(bytes(2, 10));
        store.delete(ns + "blocks/a");
        assertThat(store.get(ns + "blocks/a")).isNull();
        store.delete(ns + "blocks/a"); // deleting a missing object is fine
    }

    @Test
    void largeAndEmptyObjects() throws Exception {
        byte[] big = bytes(3, 4 << 20);
        store.put(ns + "big", big);
        assertThat(store.get(ns + "big")).isEqualTo(big);
        store.put(ns + "empty", new byte[0]);
        assertThat(store.get(ns + "empty")).isEmpty();
    }

    @Test
    void listByPrefix() throws Exception {
        for (int i = 0; i < 25; i++) {
            store.put(ns + "blocks/" + String.format("%02d", i), new byte[] {(byte) i});
        }
        store.put(ns + "other/x", new byte[1]);
        assertThat(store.list(ns + "blocks/")).hasSize(25).allMatch(k -> k.startsWith(ns + "blocks/"));
        assertThat(store.list(ns)).hasSize(26);
        assertThat(store.list(ns + "nothing/")).isEmpty();
    }
}
