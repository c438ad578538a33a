package io.dittofs.block.crash;

import com.google.protobuf.ByteString;
import io.dittofs.block.core.BlockEngine;
import io.dittofs.block.core.EngineSettings;
import io.dittofs.block.local.fs.FsLocalStore;
import io.dittofs.block.remote.fs.FsRemoteStore;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The process that gets killed: the engine over the fs tier (and an fs-backed remote tier), a few
 * writer threads running their {@link CrashWorkload}, one line "t k" on stdout after operation k of
 * thread t was acknowledged. Runs until SIGKILL.
 */
public final class CrashChild {

    static final int THREADS = 3;

    static EngineSettings settings() {
        return new EngineSettings(64 * 1024, 512 * 1024, 4L << 20, Duration.ofMillis(150), 0, "blocks/",
                Duration.ofMillis(20), Duration.ofMillis(200));
    }

    public static void main(String[] args) throws Exception {
        Path local = Path.of(args[0]);
        Path remote = Path.of(args[1]);
        long seed = Long.parseLong(args[2]);
        int round = Integer.parseInt(args[3]);
        PrintStream out = new PrintStream(System.out, true);
        BlockEngine engine = BlockEngine.open(new FsLocalStore(local, 0), new FsRemoteStore(remote), settings());
        out.println("READY");
        Thread[] threads = new Thread[THREADS];
        for (int t = 0; t < THREADS; t++) {
            int tt = t;
            threads[t] = new Thread(() -> {
                CrashWorkload w = new CrashWorkload(seed, round, tt);
                try {
                    for (int k = 0; ; k++) {
                        CrashWorkload.Op op = w.next();
                        ByteString id = ByteString.copyFromUtf8(CrashWorkload.payloadName(op.payload()));
                        switch (op.kind()) {
                            case TRUNCATE -> engine.truncate(id, op.offset());
                            case COMMIT -> engine.commit(id);
                            default -> engine.write(id, op.offset(), ByteBuffer.wrap(op.data()), op.stable());
                        }
                        synchronized (out) {
                            out.println(tt + " " + k);
                        }
                    }
                } catch (Exception e) {
                    e.printStackTrace();
                    System.exit(3);
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
    }
}
