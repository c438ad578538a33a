package io.dittofs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.nfsclient.Nfs3;
import io.dittofs.nfsclient.NfsClient;
import io.dittofs.nfsclient.RpcClient;
import io.dittofs.nfsclient.Sattr;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability of acknowledged writes across kill -9 of the embedded suite, with several clients
 * writing at once (so namespace changes are group-committed): once COMMIT answered with the
 * write verifier of the writes, or a FILE_SYNC write answered FILE_SYNC, the file's name, size
 * and content must read back identical after the restart. Files end with an odd-sized chunk, so
 * a lost size update (UNSTABLE writes defer it until COMMIT) would show as a wrong size.
 */
class DurabilityAfterKillIT {

    private static final int CHUNK = 32 * 1024;
    private static final int WRITERS = 4;

    @TempDir
    Path tmp;

    private final Map<String, byte[]> acknowledged = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();

    @Test
    void everyCommittedFileSurvivesKill9() throws Exception {
        killUnderLoadAndVerify(false);
    }

    @Test
    void everyFileSyncWriteSurvivesKill9() throws Exception {
        killUnderLoadAndVerify(true);
    }

    private void killUnderLoadAndVerify(boolean fileSync) throws Exception {
        Path data = tmp.resolve("data");
        AtomicBoolean stop = new AtomicBoolean();
        Suite first = Suite.start(data);
        List<Thread> writers = new ArrayList<>();
        try {
            for (int w = 0; w < WRITERS; w++) {
                int id = w;
                writers.add(Thread.ofPlatform().name("writer-" + w).start(() -> writeUntilStopped(first.port, id, fileSync, stop)));
            }
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (acknowledged.size() < 40 && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            // killed while the writers are mid-file: some writes and commits are in flight
            first.jvm.kill();
        } finally {
            stop.set(true);
            for (Thread t : writers) {
                t.join(TimeUnit.SECONDS.toMillis(30));
            }
            first.jvm.kill();
        }
        assertThat(acknowledged.size()).as("files acknowledged before the kill (client exceptions: %d, files not acknowledged: %d)",
                        failures.get(), refused.get())
                .isGreaterThanOrEqualTo(40);
        try (Suite second = Suite.start(data);
             NfsClient c = new NfsClient("127.0.0.1", second.port, RpcClient.Auth.sys(1000, 1000))) {
            byte[] root = c.mount("/export");
            for (var e : acknowledged.entrySet()) {
                byte[] want = e.getValue();
                var l = c.lookup(root, e.getKey());
                assertThat(l.status()).as("%s exists", e.getKey()).isEqualTo(Nfs3.OK);
                assertThat(l.attr().size()).as("%s size", e.getKey()).isEqualTo(want.length);
                byte[] back = new byte[want.length];
                for (int off = 0; off < want.length; off += CHUNK) {
                    var r = c.read(l.handle(), off, Math.min(CHUNK, want.length - off));
                    assertThat(r.status()).isEqualTo(Nfs3.OK);
                    System.arraycopy(r.data(), 0, back, off, r.count());
                }
                assertThat(back).as("%s reads back what was acknowledged", e.getKey()).isEqualTo(want);
            }
        }
    }

    private void writeUntilStopped(int port, int id, boolean fileSync, AtomicBoolean stop) {
        Random rnd = new Random(id);
        int i = 0;
        while (!stop.get()) {
            // reconnect after a failure (a slow cold start timing out a call, or the kill itself)
            try (NfsClient c = new NfsClient("127.0.0.1", port, RpcClient.Auth.sys(1000, 1000))) {
                byte[] root = c.mount("/export");
                for (; !stop.get(); i++) {
                    String name = "w" + id + "-" + i;
                    byte[] data = new byte[2 * CHUNK + 1 + rnd.nextInt(CHUNK)];
                    rnd.nextBytes(data);
                    if (writeFile(c, root, name, data, fileSync)) {
                        acknowledged.put(name, data);
                    } else {
                        refused.incrementAndGet();
                    }
                }
            } catch (RuntimeException | IOException e) {
                failures.incrementAndGet();
                i++;
                try {
                    Thread.sleep(200);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** True only when the server acknowledged the whole file as stable. */
    private static boolean writeFile(NfsClient c, byte[] root, String name, byte[] data, boolean fileSync) {
        var f = c.create(root, name, 0, Sattr.mode(0644));
        if (f.status() != Nfs3.OK) {
            return false;
        }
        byte[] verifier = null;
        for (int off = 0; off < data.length; off += CHUNK) {
            byte[] part = Arrays.copyOfRange(data, off, Math.min(data.length, off + CHUNK));
            var w = c.write(f.handle(), off, part, fileSync ? Nfs3.FILE_SYNC : Nfs3.UNSTABLE);
            if (w.status() != Nfs3.OK || w.count() != part.length || (fileSync && w.committed() != Nfs3.FILE_SYNC)) {
                return false;
            }
            if (verifier != null && !Arrays.equals(verifier, w.verifier())) {
                return false;
            }
            verifier = w.verifier();
        }
        if (fileSync) {
            return true;
        }
        var commit = c.commit(f.handle(), 0, 0);
        return commit.status() == Nfs3.OK && Arrays.equals(verifier, commit.verifier());
    }
}
