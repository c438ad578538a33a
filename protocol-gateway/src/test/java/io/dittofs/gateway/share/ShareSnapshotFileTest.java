package io.dittofs.gateway.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dittofs.contracts.control.ConfigView;
import io.dittofs.contracts.control.v1.Adapter;
import io.dittofs.contracts.control.v1.ConfigSnapshot;
import io.dittofs.contracts.control.v1.Group;
import io.dittofs.contracts.control.v1.Share;
import io.dittofs.contracts.control.v1.User;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShareSnapshotFileTest {

    @TempDir
    Path tmp;

    static ConfigView view(long revision, String... shares) {
        ConfigSnapshot.Builder b = ConfigSnapshot.newBuilder().setRevision(revision)
                .addUsers(User.newBuilder().setName("alice").setUid(2001).setGid(5001))
                .addGroups(Group.newBuilder().setName("eng").setGid(5001))
                .addAdapters(Adapter.newBuilder().setKind("nfs"));
        int id = 1;
        for (String s : shares) {
            b.addShares(Share.newBuilder().setName(s).setExportPath("/" + s).setNfsEnabled(true).setShareId(id++));
        }
        return ConfigView.of(b.build());
    }

    @Test
    void whatIsSavedLoadsBackWithSharesUsersAndGroupsOnly() throws Exception {
        ShareSnapshotFile f = new ShareSnapshotFile(tmp.resolve("gateway/shares.snapshot"));
        assertThat(f.load()).as("no file yet").isEmpty();
        f.save(view(7, "export", "docs"));
        ConfigView back = f.load().orElseThrow();
        assertThat(back.revision()).isEqualTo(7);
        assertThat(back.shares()).containsOnlyKeys("export", "docs");
        assertThat(back.shares().get("docs").getShareId()).isEqualTo(2);
        assertThat(back.users()).containsOnlyKeys("alice");
        assertThat(back.groups()).containsOnlyKeys("eng");
        assertThat(back.adapters()).as("not the gateway's business").isEmpty();
        assertThat(Files.list(tmp.resolve("gateway"))).as("no temporary file left").hasSize(1);

        f.save(view(8, "export"));
        assertThat(f.load().orElseThrow().shares()).containsOnlyKeys("export");
    }

    @Test
    void saveLaterWritesTheLastViewQueuedAndCloseWaitsForIt() {
        ShareSnapshotFile f = new ShareSnapshotFile(tmp.resolve("shares.snapshot"));
        for (int i = 1; i <= 50; i++) {
            f.saveLater(view(i, "s" + i));
        }
        f.close();
        assertThat(new ShareSnapshotFile(tmp.resolve("shares.snapshot")).load().orElseThrow().revision()).isEqualTo(50);
    }

    @Test
    void aDamagedFileIsIgnoredNotTrusted() throws Exception {
        byte[] good = ShareSnapshotFile.encode(view(3, "export"));
        assertThat(ShareSnapshotFile.decode(good).shares()).containsOnlyKeys("export");

        Path p = tmp.resolve("shares.snapshot");
        ShareSnapshotFile f = new ShareSnapshotFile(p);
        for (int cut : new int[] {0, 5, ShareSnapshotFile.HEADER - 1, ShareSnapshotFile.HEADER, good.length - 1}) {
            Files.write(p, Arrays.copyOf(good, cut));
            assertThat(f.load()).as("torn at %d", cut).isEmpty();
        }
        byte[] flipped = good.clone();
        flipped[good.length - 2] ^= 0x40;
        Files.write(p, flipped);
        assertThat(f.load()).as("bit flip in the payload").isEmpty();

        byte[] v2 = good.clone();
        ByteBuffer.wrap(v2).putInt(ShareSnapshotFile.MAGIC.length, 2);
        assertThatThrownBy(() -> ShareSnapshotFile.decode(v2)).hasMessageContaining("version 2");

        byte[] huge = good.clone();
        ByteBuffer.wrap(huge).putInt(ShareSnapshotFile.MAGIC.length + 4, Integer.MAX_VALUE);
        assertThatThrownBy(() -> ShareSnapshotFile.decode(huge)).isInstanceOf(ShareSnapshotFile.CorruptSnapshotException.class);
    }
}
