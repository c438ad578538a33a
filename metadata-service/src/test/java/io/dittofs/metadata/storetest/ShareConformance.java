package io.dittofs.metadata.storetest;

import static io.dittofs.metadata.storetest.Ids.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.contracts.common.v1.FileHandle;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.metadata.v1.CreateShareRequest;
import io.dittofs.contracts.metadata.v1.CreateShareResponse;
import io.dittofs.contracts.metadata.v1.DeleteShareRequest;
import io.dittofs.metadata.spi.Release;
import org.junit.jupiter.api.Test;

/** Shares whose ids the control plane assigns: create, delete (namespace and content), recreate empty. */
public abstract class ShareConformance extends ConcurrencyConformance {

    private CreateShareResponse createShare(int id, String name) {
        return fs.stub.createShare(CreateShareRequest.newBuilder().setShareId(id).setName(name).build());
    }

    @Test
    void createDeleteCreateWithTheSameNameIsEmpty() {
        CreateShareResponse made = createShare(100, "docs");
        assertThat(made.getStatus()).isEqualTo(Status.OK);
        assertThat(createShare(100, "docs").getRoot()).as("idempotent").isEqualTo(made.getRoot());
        assertThat(fs.root("docs").getShareId()).isEqualTo(100);
        FileHandle root = fs.root("docs").getHandle();
        FileHandle d = fs.mustDir(ROOT, root, "d");
        FileHandle f = fs.mustFile(ROOT, d, "f");
        fs.write(ROOT, f, 0, 4096, false);
        byte[] payload = fs.attr(f).getPayloadId().getValue().toByteArray();
        fs.link(ROOT, f, root, "hard");
        content.reachable = false;

        var del = fs.stub.deleteShare(DeleteShareRequest.newBuilder().setShareId(100).build());
        assertThat(del.getStatus()).isEqualTo(Status.OK);
        assertThat(del.getInodesRemoved()).isEqualTo(3);
        assertThat(fs.getattr(ROOT, f).getStatus()).as("old handles are stale").isEqualTo(Status.STALE);
        assertThat(fs.getattr(ROOT, root).getStatus()).isEqualTo(Status.STALE);
        java.util.List<Release> released = store.read(tx -> tx.releases(10));
        assertThat(released).as("the content is released once")
                .containsExactly(new Release(payload, Release.DELETE));
        assertThat(fs.root("docs").getStatus()).as("a deleted share is not created again by name").isEqualTo(Status.NOENT);
        assertThat(fs.stub.deleteShare(DeleteShareRequest.newBuilder().setShareId(100).build()).getStatus())
                .as("idempotent").isEqualTo(Status.OK);

        assertThat(createShare(101, "docs").getStatus()).isEqualTo(Status.OK);
        var again = fs.root("docs");
        assertThat(again.getShareId()).isEqualTo(101);
        assertThat(fs.readdir(ROOT, again.getHandle(), 0, com.google.protobuf.ByteString.EMPTY, 10, false).getEntriesList())
                .as("recreated name is empty").isEmpty();
    }

    @Test
    void idsAndNamesAreNotShared() {
        assertThat(createShare(200, "a").getStatus()).isEqualTo(Status.OK);
        assertThat(createShare(200, "b").getStatus()).as("id taken").isEqualTo(Status.EXIST);
        assertThat(createShare(201, "a").getStatus()).as("name taken by another id").isEqualTo(Status.EXIST);
        assertThat(createShare(0, "c").getStatus()).isEqualTo(Status.INVAL);
        // names first used by GetRoot get ids above every control-plane id
        assertThat(fs.root("by-name").getShareId()).isGreaterThan(200);
        assertThat(createShare(150, "late").getStatus()).as("below the counter: maybe used").isEqualTo(Status.EXIST);
    }

    @Test
    void anEmptyShareFirstUsedByNameIsTakenOver() {
        int auto = fs.root("raced").getShareId();
        assertThat(createShare(auto + 10, "raced").getStatus()).isEqualTo(Status.OK);
        assertThat(fs.root("raced").getShareId()).isEqualTo(auto + 10);
        int used = fs.root("busy").getShareId();
        fs.mustFile(ROOT, fs.root("busy").getHandle(), "x");
        assertThat(createShare(used + 100, "busy").getStatus()).as("not empty: refused").isEqualTo(Status.EXIST);
        assertThat(createShare(used, "busy").getStatus()).as("the same id is adopted").isEqualTo(Status.OK);
        assertThat(fs.stub.deleteShare(DeleteShareRequest.newBuilder().setShareId(used).build()).getInodesRemoved()).isEqualTo(2);
    }
}
