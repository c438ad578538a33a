package io.dittofs.gateway.share;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.contracts.common.v1.Identity;
import io.dittofs.contracts.control.ConfigView;
import io.dittofs.contracts.control.ConfigWatchClient;
import io.dittofs.contracts.control.v1.ConfigEvent;
import io.dittofs.contracts.control.v1.ConfigSnapshot;
import io.dittofs.contracts.control.v1.Squash;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class WatchShareRegistryTest {

    private static io.dittofs.contracts.control.v1.Share.Builder share(String name) {
        return io.dittofs.contracts.control.v1.Share.newBuilder().setName(name).setNfsEnabled(true)
                .setSquash(Squash.SQUASH_ROOT).setAnonymousUid(65534).setAnonymousGid(65534);
    }

    private static WatchShareRegistry registry() {
        // never started: apply() is what the watch listener calls for every event
        return new WatchShareRegistry(new ConfigWatchClient("in-process:watch-share-registry-test-unused", "test"));
    }

    @Test
    void sharesAppearAndDisappearWithTheViewAndKeepTheirRules() throws Exception {
        WatchShareRegistry r = registry();
        ConfigView v = ConfigView.of(ConfigSnapshot.newBuilder().setRevision(1)
                .addShares(share("export").setExportPath("/export")).build());
        r.apply(v);
        assertThat(r.byExportPath("/export")).isPresent();
        assertThat(r.byExportPath("/export/")).isPresent();
        assertThat(r.byExportPath("/docs")).isEmpty();

        v = v.apply(ConfigEvent.newBuilder().setRevision(2).setShareUpserted(share("docs").setReadOnly(true)
                .setSquash(Squash.SQUASH_ALL).setAnonymousUid(7).setAnonymousGid(8)
                .addAllowedNetworks("10.0.0.0/8")).build());
        r.apply(v);
        Share docs = r.byExportPath("/docs").orElseThrow();
        assertThat(docs.name()).isEqualTo("docs");
        assertThat(docs.readOnly()).isTrue();
        assertThat(docs.squash()).isEqualTo(io.dittofs.gateway.share.Squash.ALL);
        assertThat(docs.squash(Identity.newBuilder().setUid(1000).setGid(1000).build()).getUid()).isEqualTo(7);
        assertThat(docs.allows(InetAddress.getByName("10.1.2.3"))).isTrue();
        assertThat(docs.allows(InetAddress.getByName("127.0.0.1"))).isFalse();
        assertThat(r.all()).extracting(Share::name).containsExactlyInAnyOrder("export", "docs");

        r.apply(v.apply(ConfigEvent.newBuilder().setRevision(3).setShareDeleted("docs").build()));
        assertThat(r.byName("docs")).as("deleted: MOUNT refused, handles STALE").isEmpty();
        assertThat(r.byExportPath("/docs")).isEmpty();
        assertThat(r.byName("export")).isPresent();
    }

    @Test
    void eachProtocolSeesOnlyItsSharesAndAnUnparsableNetworkIsNotExported() {
        WatchShareRegistry r = registry();
        r.apply(ConfigView.of(ConfigSnapshot.newBuilder().setRevision(1)
                .addShares(share("smbonly").setNfsEnabled(false).setSmbEnabled(true))
                .addShares(share("neither").setNfsEnabled(false).setSmbEnabled(false))
                .addShares(share("bad").addAllowedNetworks("10.0.0.0/8").addAllowedNetworks("not-a-net"))
                .addShares(share("ok").setExportPath("/data/")).build()));
        assertThat(r.all()).extracting(Share::name).containsExactlyInAnyOrder("ok", "smbonly");
        ShareRegistry nfs = r.servedOver(ShareProtocol.NFS);
        ShareRegistry smb = r.servedOver(ShareProtocol.SMB);
        assertThat(nfs.all()).extracting(Share::name).containsExactly("ok");
        assertThat(nfs.byExportPath("/data")).isPresent();
        assertThat(nfs.byName("smbonly")).isEmpty();
        assertThat(nfs.byExportPath("/smbonly")).isEmpty();
        assertThat(smb.all()).extracting(Share::name).containsExactly("smbonly");
        assertThat(smb.byName("ok")).as("the test shares are NFS-only unless they say SMB").isEmpty();
    }

    /** Ids come with the shares: a handle's share is a map read, no GetRoot fan-out, an unknown id STALE at once. */
    @Test
    void shareIdsComeFromTheWatchStreamAndUnknownIdsAreStaleWithoutAServiceCall() {
        WatchShareRegistry r = registry();
        ConfigView v = ConfigView.of(ConfigSnapshot.newBuilder().setRevision(1)
                .addShares(share("export").setShareId(1)).addShares(share("docs").setShareId(7)).build());
        r.apply(v);
        java.util.concurrent.atomic.AtomicInteger rootCalls = new java.util.concurrent.atomic.AtomicInteger();
        ShareIds ids = new ShareIds(r, name -> {
            rootCalls.incrementAndGet();
            return 99;
        });
        assertThat(r.assignsIds()).isTrue();
        assertThat(ids.share(7)).map(Share::name).contains("docs");
        assertThat(ids.share(99)).as("unknown id").isEmpty();
        assertThat(rootCalls).as("no GetRoot fan-out").hasValue(0);

        // delete and recreate the name: the control plane gives it a new id, old handles are STALE
        v = v.apply(ConfigEvent.newBuilder().setRevision(2).setShareDeleted("docs").build());
        v = v.apply(ConfigEvent.newBuilder().setRevision(3).setShareUpserted(share("docs").setShareId(8)).build());
        r.apply(v);
        assertThat(ids.share(7)).isEmpty();
        assertThat(ids.share(8)).map(Share::name).contains("docs");
        assertThat(rootCalls).hasValue(0);
    }

    @Test
    void withoutIdsFromTheControlPlaneHandlesFallBackToGetRoot() {
        WatchShareRegistry r = registry();
        r.apply(ConfigView.of(ConfigSnapshot.newBuilder().setRevision(1).addShares(share("export")).build()));
        assertThat(r.assignsIds()).isFalse();
        ShareIds ids = new ShareIds(r, name -> 5);
        assertThat(ids.share(5)).map(Share::name).contains("export");
    }
}
