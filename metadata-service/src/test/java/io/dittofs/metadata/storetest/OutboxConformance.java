package io.dittofs.metadata.storetest;

import static io.dittofs.metadata.storetest.Ids.ROOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dittofs.contracts.common.v1.FileHandle;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.metadata.v1.CreateMode;
import io.dittofs.contracts.metadata.v1.CreateRequest;
import io.dittofs.contracts.metadata.v1.RemoveKind;
import io.dittofs.contracts.metadata.v1.SetAttrs;
import io.dittofs.metadata.spi.MetadataStore;
import io.dittofs.metadata.spi.Release;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The content outbox: released content is recorded in the namespace change's own transaction,
 * drained to the content service, acknowledged only once applied, and guarded against
 * shrink-then-grow exposing old bytes.
 */
public abstract class OutboxConformance extends ShareConformance {

    private List<Release> pending() {
        return store.read(tx -> tx.releases(1000));
    }

    private byte[] payload(FileHandle f) {
        return fs.attr(f).getPayloadId().getValue().toByteArray();
    }

    @Test
    void storeKeepsOneEntryPerPayloadInOrderAndRollsBackWithTheTransaction() {
        byte[] a = {1, 2};
        byte[] b = {(byte) 0xff, 0};
        store.write(tx -> {
            tx.putRelease(new Release(b, 10));
            tx.putRelease(new Release(a, Release.DELETE));
            return null;
        });
        assertThat(pending()).containsExactly(new Release(a, Release.DELETE), new Release(b, 10));
        List<Release> first = store.read(tx -> tx.releases(1));
        assertThat(first).containsExactly(new Release(a, Release.DELETE));
        store.write(tx -> {
            tx.putRelease(new Release(b, 5));
            return null;
        });
        java.util.Optional<Long> cut = store.read(tx -> tx.pendingRelease(b));
        assertThat(cut).contains(5L);
        assertThatThrownBy(() -> store.write(tx -> {
            tx.putRelease(new Release(new byte[] {7}, 1));
            tx.deleteRelease(a);
            throw new IllegalStateException("operation refused");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(pending()).as("a failed transaction records and acknowledges nothing")
                .containsExactly(new Release(a, Release.DELETE), new Release(b, 5));
        store.write(tx -> {
            tx.deleteRelease(a);
            tx.deleteRelease(b);
            return null;
        });
        assertThat(pending()).isEmpty();
    }

    @Test
    void removeOfTheLastLinkRecordsTheDeleteAndTheDrainAppliesIt() {
        content.reachable = false;
        FileHandle f = fs.mustFile(ROOT, root, "f");
        fs.write(ROOT, f, 0, 8192, false);
        byte[] p = payload(f);
        fs.link(ROOT, f, root, "g");
        assertThat(fs.remove(ROOT, root, "f", RemoveKind.REMOVE_ANY).getStatus()).isEqualTo(Status.OK);
        assertThat(pending()).as("another link remains").isEmpty();
        assertThat(fs.remove(ROOT, root, "g", RemoveKind.REMOVE_ANY).getStatus()).isEqualTo(Status.OK);
        assertThat(pending()).containsExactly(new Release(p, Release.DELETE));
        assertThatThrownBy(() -> core.drain().drainOnce()).isInstanceOf(IllegalStateException.class);
        assertThat(pending()).as("kept while the content service is unreachable").hasSize(1);
        content.reachable = true;
        assertThat(core.drain().drainOnce()).isEqualTo(1);
        assertThat(content.applied).containsExactly(new Release(p, Release.DELETE));
        assertThat(pending()).isEmpty();
    }

    @Test
    void aNamedPassAppliesOnlyTheNamedEntriesAndSkipsAcknowledgedOnes() {
        content.reachable = true;
        FileHandle f = fs.mustFile(ROOT, root, "named");
        FileHandle g = fs.mustFile(ROOT, root, "unnamed");
        byte[] pf = payload(f);
        byte[] pg = payload(g);
        assertThat(fs.remove(ROOT, root, "named", RemoveKind.REMOVE_ANY).getStatus()).isEqualTo(Status.OK);
        store.write(tx -> {
            tx.putRelease(new Release(pg, Release.DELETE));
            return null;
        });
        // the REMOVE named its payload; an entry nobody named waits for a scan
        assertThat(core.drain().drainNamed()).isEqualTo(1);
        assertThat(content.applied).containsExactly(new Release(pf, Release.DELETE));
        assertThat(pending()).containsExactly(new Release(pg, Release.DELETE));
        core.drain().kick(pf);
        assertThat(core.drain().drainNamed()).as("already acknowledged").isZero();
        assertThat(core.drain().drainOnce()).isEqualTo(1);
        assertThat(pending()).isEmpty();
    }

    @Test
    void renameOverTheLastLinkRecordsTheReplacedContent() {
        content.reachable = false;
        FileHandle victim = fs.mustFile(ROOT, root, "victim");
        byte[] p = payload(victim);
        fs.mustFile(ROOT, root, "src");
        assertThat(fs.stub.rename(io.dittofs.contracts.metadata.v1.RenameRequest.newBuilder().setIdentity(ROOT)
                .setFromDir(root).setFromName("src").setToDir(root).setToName("victim").setNoReplace(true).build())
                .getStatus()).isEqualTo(Status.EXIST);
        assertThat(pending()).as("a refused rename releases nothing").isEmpty();
        assertThat(fs.rename(ROOT, root, "src", root, "victim").getStatus()).isEqualTo(Status.OK);
        assertThat(pending()).containsExactly(new Release(p, Release.DELETE));
    }

    @Test
    void shrinkIsAppliedBeforeSetattrAnswers() {
        FileHandle f = fs.mustFile(ROOT, root, "f");
        fs.write(ROOT, f, 0, 1000, false);
        assertThat(fs.setattr(ROOT, f, SetAttrs.newBuilder().setSize(10).build()).getStatus()).isEqualTo(Status.OK);
        assertThat(content.applied).containsExactly(new Release(payload(f), 10));
        assertThat(pending()).isEmpty();
        assertThat(fs.write(ROOT, f, 100, 10, false).getStatus()).as("grow after an applied cut").isEqualTo(Status.OK);
        assertThat(fs.setattr(ROOT, f, SetAttrs.newBuilder().setSize(500).build()).getStatus()).as("growing adds no entry")
                .isEqualTo(Status.OK);
        assertThat(pending()).isEmpty();
    }

    /** Shrink-then-grow while the cut cannot reach the content: growth waits, so old bytes never come back. */
    @Test
    void growthPastAnUnappliedCutWaitsForIt() {
        FileHandle f = fs.mustFile(ROOT, root, "f");
        fs.write(ROOT, f, 0, 1000, false);
        byte[] p = payload(f);
        content.reachable = false;
        assertThat(fs.setattr(ROOT, f, SetAttrs.newBuilder().setSize(100).build()).getStatus())
                .as("the namespace shrinks even when the content is unreachable").isEqualTo(Status.OK);
        assertThat(pending()).containsExactly(new Release(p, 100));
        assertThat(fs.write(ROOT, f, 0, 100, false).getStatus()).as("writes below the cut go on").isEqualTo(Status.OK);
        assertThat(fs.write(ROOT, f, 100, 1, false).getStatus()).isEqualTo(Status.DELAY);
        assertThat(fs.setattr(ROOT, f, SetAttrs.newBuilder().setSize(2000).build()).getStatus()).isEqualTo(Status.DELAY);
        assertThat(fs.stub.create(CreateRequest.newBuilder().setIdentity(ROOT).setDir(root).setName("f").setType(io.dittofs.contracts.common.v1.FileType.REGULAR)
                .setMode(CreateMode.UNCHECKED).setAttrs(SetAttrs.newBuilder().setSize(4000)).build()).getStatus())
                .isEqualTo(Status.DELAY);
        assertThat(fs.attr(f).getSize()).isEqualTo(100);
        assertThat(fs.setattr(ROOT, f, SetAttrs.newBuilder().setSize(40).build()).getStatus()).isEqualTo(Status.OK);
        assertThat(pending()).as("cuts merge to the smallest").containsExactly(new Release(p, 40));
        content.reachable = true;
        assertThat(core.drain().drainOnce()).isEqualTo(1);
        assertThat(content.applied).containsExactly(new Release(p, 40));
        assertThat(fs.write(ROOT, f, 100, 1, false).getStatus()).isEqualTo(Status.OK);
        assertThat(fs.attr(f).getSize()).isEqualTo(101);
    }

    /** A newer, smaller cut that arrives while an older one is being applied is not acknowledged with it. */
    @Test
    void acknowledgementKeepsANewerCut() {
        FileHandle f = fs.mustFile(ROOT, root, "f");
        fs.write(ROOT, f, 0, 1000, false);
        byte[] p = payload(f);
        content.reachable = false;
        fs.setattr(ROOT, f, SetAttrs.newBuilder().setSize(500).build());
        content.reachable = true;
        content.during = r -> {
            content.during = x -> { };
            content.reachable = false;
            fs.setattr(ROOT, f, SetAttrs.newBuilder().setSize(20).build());
            content.reachable = true;
        };
        core.drain().drainOnce();
        assertThat(pending()).containsExactly(new Release(p, 20));
        core.drain().drainOnce();
        assertThat(content.applied).containsExactly(new Release(p, 500), new Release(p, 20));
        assertThat(pending()).isEmpty();
    }

    /** The process dies after the content call and before the acknowledgement: the entry is applied again. */
    @Test
    void entrySurvivesARestartBetweenApplyAndAcknowledge() throws Exception {
        content.reachable = false;
        FileHandle f = fs.mustFile(ROOT, root, "f");
        byte[] p = payload(f);
        fs.remove(ROOT, root, "f", RemoveKind.REMOVE_ANY);
        content.reachable = true;
        content.apply(new Release(p, Release.DELETE)); // applied, then "crash" before the ack
        stopServing();
        store.close();
        MetadataStore again = reopenStore();
        if (again == null) {
            store = null;
            return; // nothing to keep in a store that keeps nothing
        }
        store = again;
        serve(store);
        assertThat(pending()).containsExactly(new Release(p, Release.DELETE));
        assertThat(core.drain().drainOnce()).isEqualTo(1);
        assertThat(content.applied).containsExactly(new Release(p, Release.DELETE), new Release(p, Release.DELETE));
        assertThat(pending()).isEmpty();
    }

    @Test
    void theLoopDrainsWithinTheRetryInterval() throws Exception {
        content.reachable = false;
        FileHandle f = fs.mustFile(ROOT, root, "f");
        fs.remove(ROOT, root, "f", RemoveKind.REMOVE_ANY);
        assertThat(pending()).hasSize(1);
        content.reachable = true;
        core.drain().start();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (!pending().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(pending()).isEmpty();
        assertThat(content.applied).hasSize(1);
        assertThat(f).isNotNull();
    }
}
