package io.dittofs.block.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.dittofs.block.core.BlockEngine;
import io.dittofs.block.core.cas.BlockHash;
import io.dittofs.block.local.fs.FsLocalStore;
import io.dittofs.block.remote.fs.FsRemoteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL under load, restart on the same directory, and check: every payload reads back as the
 * result of a prefix of its operations that contains every operation acknowledged as stable (and
 * everything its thread did before it); the remote tier holds exactly the blocks the recovered maps
 * refer to, each under its true hash (no orphan uploaded as live).
 */
class CrashRecoveryTest {

    static final long SEED = 20261123L;
    static final int ROUNDS = 4;

    @TempDir
    Path dir;

    @Test
    void acknowledgedStableBytesSurviveSigkill() throws Exception {
        Path local = dir.resolve("local");
        Path remote = dir.resolve("remote");
        Random timing = new Random(SEED);
        Map<Integer, byte[]> base = new HashMap<>();
        int payloads = CrashChild.THREADS * CrashWorkload.PAYLOADS_PER_THREAD;
        for (int p = 0; p < payloads; p++) {
            base.put(p, new byte[0]);
        }
        int totalAcks = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Path acks = dir.resolve("acks-" + round + ".txt");
            Process child = startChild(local, remote, round, acks);
            awaitReady(child, acks);
            Thread.sleep(800 + timing.nextInt(1500));
            assertThat(child.isAlive()).as("child still running before the kill").isTrue();
            child.destroyForcibly(); // SIGKILL on Linux
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

            int[] lastAck = new int[CrashChild.THREADS];
            Arrays.fill(lastAck, -1);
            for (String line : Files.readAllLines(acks)) {
                String[] f = line.trim().split(" ");
                if (f.length == 2 && f[0].matches("\\d+") && f[1].matches("\\d+")) {
                    int t = Integer.parseInt(f[0]);
                    lastAck[t] = Math.max(lastAck[t], Integer.parseInt(f[1]));
                    totalAcks++;
                }
            }
            try (FsLocalStore ls = new FsLocalStore(local, 0); FsRemoteStore rs = new FsRemoteStore(remote);
                 BlockEngine engine = BlockEngine.open(ls, rs, CrashChild.settings())) {
                verifyRound(engine, round, lastAck, base);
                assertThat(engine.awaitSynced(Duration.ofSeconds(60))).isTrue();
                Set<String> expected = new HashSet<>();
                for (BlockHash h : ls.listBlocks().keySet()) {
                    expected.add("blocks/" + h.hex());
                }
                Set<String> onRemote = rs.list("blocks/");
                assertThat(onRemote).as("remote tier holds exactly the referenced blocks").isEqualTo(expected);
                for (String key : onRemote) {
                    byte[] content = rs.get(key);
                    assertThat(BlockHash.of(content, 0, content.length).hex()).isEqualTo(key.substring("blocks/".length()));
                }
            }
        }
        assertThat(totalAcks).as("the child made progress").isGreaterThan(ROUNDS * 10);
    }

    private void verifyRound(BlockEngine engine, int round, int[] lastAck, Map<Integer, byte[]> base) throws Exception {
        Map<Integer, List<CrashWorkload.Op>> opsByPayload = new HashMap<>();
        Map<Integer, Integer> required = new HashMap<>();
        Map<Integer, Integer> possible = new HashMap<>();
        for (int t = 0; t < CrashChild.THREADS; t++) {
            CrashWorkload w = new CrashWorkload(SEED, round, t);
            int lastStable = -1;
            List<CrashWorkload.Op> ops = new ArrayList<>();
            for (int k = 0; k <= lastAck[t] + 1; k++) {
                CrashWorkload.Op op = w.next();
                ops.add(op);
                if (k <= lastAck[t] && op.stable()) {
                    lastStable = k;
                }
            }
            for (int k = 0; k < ops.size(); k++) {
                CrashWorkload.Op op = ops.get(k);
                List<CrashWorkload.Op> list = opsByPayload.computeIfAbsent(op.payload(), x -> new ArrayList<>());
                list.add(op);
                if (k <= lastStable) {
                    required.put(op.payload(), list.size());
                }
                possible.put(op.payload(), list.size());
            }
        }
        for (int p : base.keySet()) {
            byte[] actual = engine.read(ByteString.copyFromUtf8(CrashWorkload.payloadName(p)), 0, 8 << 20).data();
            List<CrashWorkload.Op> ops = opsByPayload.getOrDefault(p, List.of());
            int min = required.getOrDefault(p, 0);
            byte[] model = base.get(p);
            boolean matched = false;
            for (int m = 0; m <= ops.size(); m++) {
                if (m > 0) {
                    model = apply(model, ops.get(m - 1));
                }
                if (m >= min && Arrays.equals(model, actual)) {
                    matched = true;
                    break;
                }
            }
            assertThat(matched).as("round %d payload %d: content is a prefix of its operations with all %d stable ones (of %d)",
                    round, p, min, ops.size()).isTrue();
            base.put(p, actual);
        }
    }

    private static byte[] apply(byte[] model, CrashWorkload.Op op) {
        return switch (op.kind()) {
            case COMMIT -> model;
            case TRUNCATE -> Arrays.copyOf(model, (int) op.offset());
            default -> {
                byte[] d = op.data();
                byte[] out = Arrays.copyOf(model, (int) Math.max(model.length, op.offset() + d.length));
                System.arraycopy(d, 0, out, (int) op.offset(), d.length);
                yield out;
            }
        };
    }

    private static Process startChild(Path local, Path remote, int round, Path acks) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                CrashChild.class.getName(), local.toString(), remote.toString(), Long.toString(CrashRecoveryTest.SEED),
                Integer.toString(round))
                .redirectOutput(acks.toFile())
                .redirectError(acks.resolveSibling(acks.getFileName() + ".err").toFile())
                .start();
    }

    private static void awaitReady(Process child, Path acks) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!child.isAlive()) {
                throw new AssertionError("crash child exited early: " + Files.readString(acks.resolveSibling(acks.getFileName() + ".err")));
            }
            if (Files.exists(acks) && Files.readString(acks).startsWith("READY")) {
                return;
            }
            Thread.sleep(20);
        }
        child.destroyForcibly();
        throw new AssertionError("crash child did not start within 60 s");
    }
}
