package io.dittofs.gateway.share;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.contracts.control.ConfigView;
import io.dittofs.contracts.control.ConfigWatchClient;
import io.dittofs.contracts.control.v1.ConfigEvent;
import io.dittofs.contracts.control.v1.ConfigSnapshot;
import io.dittofs.contracts.control.v1.ConfigWatchServiceGrpc;
import io.dittofs.contracts.control.v1.WatchRequest;
import io.grpc.Server;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restarted gateway serves the shares of its last snapshot before the control plane answers, and
 * the control plane's first snapshot then wins: shares deleted meanwhile go (handles STALE), changed
 * rules apply, new shares appear, and the file follows. The watch stream here is a real in-process
 * gRPC server speaking the ConfigWatchService contract, held back until the test releases it.
 */
class SnapshotRecoveryTest {

    @TempDir
    Path tmp;

    private static io.dittofs.contracts.control.v1.Share.Builder share(String name, int id) {
        return io.dittofs.contracts.control.v1.Share.newBuilder().setName(name).setExportPath("/" + name)
                .setNfsEnabled(true).setShareId(id);
    }

    /** Answers every Watch with {@code snapshot}, once {@code release} is counted down. */
    private static final class HeldWatch extends ConfigWatchServiceGrpc.ConfigWatchServiceImplBase {
        final CountDownLatch release = new CountDownLatch(1);
        final ConfigSnapshot snapshot;

        HeldWatch(ConfigSnapshot snapshot) {
            this.snapshot = snapshot;
        }

        @Override
        public void watch(WatchRequest request, StreamObserver<ConfigEvent> out) {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            out.onNext(ConfigEvent.newBuilder().setRevision(snapshot.getRevision()).setSnapshot(snapshot).build());
        }
    }

    @Test
    void servesTheSnapshotAtOnceThenTheControlPlaneReconciles() throws Exception {
        ShareSnapshotFile file = new ShareSnapshotFile(tmp.resolve("gateway/shares.snapshot"));
        file.save(ConfigView.of(ConfigSnapshot.newBuilder().setRevision(40)
                .addShares(share("export", 1)).addShares(share("gone", 2)).addShares(share("rules", 3)).build()));

        // meanwhile: "gone" deleted, "rules" made read-only and limited to 10/8, "fresh" created
        HeldWatch cp = new HeldWatch(ConfigSnapshot.newBuilder().setRevision(45)
                .addShares(share("export", 1))
                .addShares(share("rules", 3).setReadOnly(true).addAllowedNetworks("10.0.0.0/8"))
                .addShares(share("fresh", 4)).build());
        String name = "snapshot-recovery-" + System.nanoTime();
        Server server = InProcessServerBuilder.forName(name).addService(cp).build().start();
        WatchShareRegistry r = new WatchShareRegistry(new ConfigWatchClient("in-process:" + name, "test"),
                new ShareSnapshotFile(file.path()));
        try {
            long t0 = System.nanoTime();
            r.start();
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("start does not wait for the control plane")
                    .isLessThan(Duration.ofSeconds(5));
            assertThat(r.isRunning()).isTrue();
            assertThat(r.all()).extracting(Share::name).containsExactlyInAnyOrder("export", "gone", "rules");
            assertThat(r.byId(2)).as("served from the snapshot").isPresent();
            assertThat(r.byExportPath("/rules").orElseThrow().readOnly()).isFalse();

            cp.release.countDown();
            awaitTrue(() -> r.byName("fresh").isPresent());
            assertThat(r.byName("gone")).as("deleted while down: not served").isEmpty();
            assertThat(r.byId(2)).as("its handles are STALE").isEmpty();
            Share rules = r.byName("rules").orElseThrow();
            assertThat(rules.readOnly()).isTrue();
            assertThat(rules.allows(java.net.InetAddress.getByName("127.0.0.1"))).isFalse();
            awaitTrue(() -> file.load().map(v -> v.revision() == 45).orElse(false));
            assertThat(file.load().orElseThrow().shares()).containsOnlyKeys("export", "rules", "fresh");
        } finally {
            r.stop();
            server.shutdownNow();
        }
    }

    @Test
    void withoutASnapshotStartWaitsForTheControlPlane() throws Exception {
        HeldWatch cp = new HeldWatch(ConfigSnapshot.newBuilder().setRevision(1).addShares(share("export", 1)).build());
        String name = "snapshot-recovery-none-" + System.nanoTime();
        Server server = InProcessServerBuilder.forName(name).addService(cp).build().start();
        Path path = tmp.resolve("shares.snapshot");
        java.nio.file.Files.writeString(path, "not a snapshot");
        WatchShareRegistry r = new WatchShareRegistry(new ConfigWatchClient("in-process:" + name, "test"),
                new ShareSnapshotFile(path));
        Thread starter = Thread.ofPlatform().start(r::start);
        try {
            starter.join(Duration.ofMillis(500));
            assertThat(starter.isAlive()).as("a damaged snapshot is not served: start waits").isTrue();
            assertThat(r.all()).isEmpty();
            cp.release.countDown();
            starter.join(Duration.ofSeconds(30));
            assertThat(starter.isAlive()).isFalse();
            assertThat(r.byName("export")).isPresent();
        } finally {
            cp.release.countDown();
            r.stop();
            server.shutdownNow();
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 30 s");
            }
            Thread.sleep(20);
        }
    }
}
