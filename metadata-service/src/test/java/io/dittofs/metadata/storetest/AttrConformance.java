package io.dittofs.metadata.storetest;

import static io.dittofs.metadata.storetest.Ids.ALICE;
import static io.dittofs.metadata.storetest.Ids.BOB;
import static io.dittofs.metadata.storetest.Ids.CAROL;
import static io.dittofs.metadata.storetest.Ids.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.contracts.common.v1.FileHandle;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.common.v1.Timestamp;
import io.dittofs.contracts.metadata.v1.*;
import org.junit.jupiter.api.Test;

/** setattr, guards, times, RecordWrite. */
public abstract class AttrConformance extends RenameConformance {

    private FileHandle aliceFile() {
        FileHandle pub = openDir("pub", 0777);
        return fs.mustFile(ALICE, pub, "f");
    }

    @Test
    void chmodOnlyByOwnerOrRoot() {
        FileHandle f = aliceFile();
        assertThat(fs.setattr(BOB, f, SetAttrs.newBuilder().setMode(0777).build()).getStatus()).isEqualTo(Status.PERM);
        SetAttrResponse ok = fs.setattr(ALICE, f, SetAttrs.newBuilder().setMode(0600).build());
        assertThat(ok.getStatus()).isEqualTo(Status.OK);
        assertThat(ok.getWcc().getAfter().getMode()).isEqualTo(0600);
        assertThat(Ts.of(ok.getWcc().getAfter().getCtime())).isGreaterThan(Ts.of(ok.getWcc().getBefore().getCtime()));
        assertThat(fs.setattr(ROOT, f, SetAttrs.newBuilder().setMode(04755).build()).getWcc().getAfter().getMode()).isEqualTo(04755);
        // setgid kept only when the caller is in the file's group
        FileHandle g = fs.mustFile(ALICE, fs.lookup(ROOT, root, "pub").getHandle(), "g");
        fs.setattr(ROOT, g, SetAttrs.newBuilder().setGid(5000).build());
        assertThat(fs.setattr(ALICE, g, SetAttrs.newBuilder().setMode(02755).build()).getWcc().getAfter().getMode()).isEqualTo(0755);
    }

    @Test
    void chownRules() {
        FileHandle f = aliceFile();
        assertThat(fs.setattr(ALICE, f, SetAttrs.newBuilder().setUid(1001).build()).getStatus()).isEqualTo(Status.PERM);
        assertThat(fs.setattr(BOB, f, SetAttrs.newBuilder().setGid(1001).build()).getStatus()).isEqualTo(Status.PERM);
        assertThat(fs.setattr(ALICE, f, SetAttrs.newBuilder().setGid(1001).build()).getStatus()).isEqualTo(Status.PERM);
        fs.setattr(ALICE, f, SetAttrs.newBuilder().setMode(06755).build());
        SetAttrResponse r = fs.setattr(ALICE, f, SetAttrs.newBuilder().setGid(3000).build());
        assertThat(r.getStatus()).isEqualTo(Status.OK);
        assertThat(r.getWcc().getAfter().getGid()).isEqualTo(3000);
        assertThat(r.getWcc().getAfter().getMode()).as("set-id bits dropped by an unprivileged chown").isEqualTo(0755);
        fs.setattr(ROOT, f, SetAttrs.newBuilder().setMode(06755).build());
        SetAttrResponse byRoot = fs.setattr(ROOT, f, SetAttrs.newBuilder().setUid(1001).setGid(1001).build());
        assertThat(byRoot.getWcc().getAfter().getUid()).isEqualTo(1001);
        assertThat(byRoot.getWcc().getAfter().getMode()).isEqualTo(06755);
    }

    @Test
    void truncateNeedsWriteAndReportsOldSize() {
        FileHandle f = aliceFile();
        fs.write(ALICE, f, 0, 1000, false);
        assertThat(fs.setattr(BOB, f, SetAttrs.newBuilder().setSize(0).build()).getStatus()).isEqualTo(Status.ACCESS);
        SetAttrResponse r = fs.setattr(ALICE, f, SetAttrs.newBuilder().setSize(10).build());
        assertThat(r.getOldSize()).isEqualTo(1000);
        assertThat(r.getWcc().getBefore().getSize()).isEqualTo(1000);
        assertThat(r.getWcc().getAfter().getSize()).isEqualTo(10);
        assertThat(Ts.of(r.getWcc().getAfter().getMtime())).isGreaterThan(Ts.of(r.getWcc().getBefore().getMtime()));
        assertThat(fs.setattr(ROOT, root, SetAttrs.newBuilder().setSize(0).build()).getStatus()).isEqualTo(Status.ISDIR);
    }

    @Test
    void timesClientAndServer() {
        FileHandle f = aliceFile();
        fs.setattr(ALICE, f, SetAttrs.newBuilder().setMode(0666).build());
        Timestamp t = Timestamp.newBuilder().setSeconds(1_000_000_000L).setNanos(123).build();
        SetAttrs client = SetAttrs.newBuilder().setMtime(SetTime.newBuilder().setClientTime(t))
                .setAtime(SetTime.newBuilder().setClientTime(t)).build();
        assertThat(fs.setattr(BOB, f, client).getStatus()).as("explicit times need ownership").isEqualTo(Status.PERM);
        SetAttrResponse r = fs.setattr(ALICE, f, client);
        assertThat(r.getWcc().getAfter().getMtime()).isEqualTo(t);
        assertThat(r.getWcc().getAfter().getAtime()).isEqualTo(t);
        SetAttrs now = SetAttrs.newBuilder().setMtime(SetTime.newBuilder().setServerTime(true)).build();
        SetAttrResponse s = fs.setattr(BOB, f, now);
        assertThat(s.getStatus()).as("'now' needs write permission only").isEqualTo(Status.OK);
        assertThat(s.getWcc().getAfter().getMtime().getSeconds()).isGreaterThan(t.getSeconds());
        fs.setattr(ALICE, f, SetAttrs.newBuilder().setMode(0644).build());
        assertThat(fs.setattr(BOB, f, now).getStatus()).isEqualTo(Status.ACCESS);
    }

    @Test
    void guardCtime() {
        FileHandle f = fs.mustFile(ROOT, root, "f");
        Attr a = fs.attr(f);
        SetAttrRequest.Builder req = SetAttrRequest.newBuilder().setIdentity(ROOT).setHandle(f)
                .setAttrs(SetAttrs.newBuilder().setMode(0600)).setGuardCtime(a.getCtime());
        assertThat(fs.stub.setAttr(req.build()).getStatus()).isEqualTo(Status.OK);
        assertThat(fs.stub.setAttr(req.build()).getStatus()).isEqualTo(Status.NOT_SYNC);
        assertThat(fs.attr(f).getMode()).isEqualTo(0600);
    }

    @Test
    void recordWrite() {
        FileHandle f = aliceFile();
        RecordWriteResponse w = fs.write(ALICE, f, 100, 50, false);
        assertThat(w.getStatus()).isEqualTo(Status.OK);
        assertThat(w.getPayloadId()).isEqualTo(fs.attr(f).getPayloadId());
        assertThat(w.getWcc().getAfter().getSize()).isEqualTo(150);
        assertThat(w.getWcc().getAfter().getChange()).isGreaterThan(w.getWcc().getBefore().getChange());
        assertThat(fs.write(ALICE, f, 0, 10, false).getWcc().getAfter().getSize()).isEqualTo(150);
        assertThat(fs.write(BOB, f, 0, 1, false).getStatus()).isEqualTo(Status.ACCESS);
        fs.setattr(ALICE, f, SetAttrs.newBuilder().setMode(0444).build());
        assertThat(fs.write(ALICE, f, 0, 1, false).getStatus()).as("owner writes whatever the mode").isEqualTo(Status.OK);
        assertThat(fs.write(ALICE, f, 0, 1, true).getStatus()).as("owner with an open for write").isEqualTo(Status.OK);
        assertThat(fs.write(BOB, f, 0, 1, true).getStatus()).isEqualTo(Status.ACCESS);
        fs.setattr(ROOT, f, SetAttrs.newBuilder().setMode(06777).build());
        assertThat(fs.write(ALICE, f, 0, 1, false).getWcc().getAfter().getMode()).isEqualTo(06777);
        assertThat(fs.write(BOB, f, 0, 1, false).getWcc().getAfter().getMode()).isEqualTo(0777);
        assertThat(fs.write(ROOT, root, 0, 1, false).getStatus()).isEqualTo(Status.ISDIR);
        assertThat(fs.write(ALICE, f, Long.MAX_VALUE, 10, false).getStatus()).isEqualTo(Status.FBIG);
    }

    /** RFC 1813 §4.4: creat(path, 0) then write/ftruncate through the descriptor works for the owner. */
    @Test
    void ownerWritesTruncatesAndReadsModeZeroFile() {
        FileHandle pub = openDir("pub", 0777);
        FileHandle f = fs.must(fs.create(ALICE, pub, "zero", io.dittofs.contracts.common.v1.FileType.REGULAR, 0), "zero").getHandle();
        assertThat(fs.attr(f).getMode()).isZero();
        RecordWriteResponse w = fs.write(ALICE, f, 0, 4096, false);
        assertThat(w.getStatus()).as("owner WRITE on mode 0").isEqualTo(Status.OK);
        assertThat(w.getWcc().getAfter().getSize()).isEqualTo(4096);
        SetAttrResponse t = fs.setattr(ALICE, f, SetAttrs.newBuilder().setSize(10).build());
        assertThat(t.getStatus()).as("owner truncate on mode 0").isEqualTo(Status.OK);
        assertThat(t.getWcc().getAfter().getSize()).isEqualTo(10);
        GetAttrRequest.Builder read = GetAttrRequest.newBuilder().setHandle(f).setRequireAccess(AccessBits.ACCESS_READ_VALUE);
        assertThat(fs.stub.getAttr(read.setIdentity(ALICE).build()).getStatus()).as("owner READ on mode 0").isEqualTo(Status.OK);
        // the override is the owner's only: others, even in the group, still need the bits
        assertThat(fs.write(CAROL, f, 0, 1, false).getStatus()).isEqualTo(Status.ACCESS);
        assertThat(fs.write(BOB, f, 0, 1, true).getStatus()).isEqualTo(Status.ACCESS);
        assertThat(fs.setattr(BOB, f, SetAttrs.newBuilder().setSize(0).build()).getStatus()).isEqualTo(Status.ACCESS);
        assertThat(fs.stub.getAttr(read.setIdentity(BOB).build()).getStatus()).isEqualTo(Status.ACCESS);
        // not execute, and ACCESS still reports the mode bits (RFC 1813 §4.4 says it must not change)
        assertThat(fs.stub.getAttr(GetAttrRequest.newBuilder().setHandle(f).setIdentity(ALICE)
                .setRequireAccess(AccessBits.ACCESS_EXECUTE_VALUE).build()).getStatus()).isEqualTo(Status.ACCESS);
        assertThat(fs.stub.access(AccessRequest.newBuilder().setIdentity(ALICE).setHandle(f).setRequested(0x3f).build())
                .getGranted()).isZero();
        // and not for directories: the owner of a mode-0 directory cannot create in it
        FileHandle d = fs.must(fs.create(ALICE, pub, "zd", io.dittofs.contracts.common.v1.FileType.DIRECTORY, 0), "zd").getHandle();
        assertThat(fs.file(ALICE, d, "x").getStatus()).isEqualTo(Status.ACCESS);
    }

    @Test
    void permissionClasses() {
        FileHandle pub = openDir("pub", 0777);
        FileHandle d = fs.mustDir(ALICE, pub, "d");
        fs.setattr(ALICE, d, SetAttrs.newBuilder().setGid(3000).setMode(0750).build());
        fs.mustFile(ALICE, d, "f");
        assertThat(fs.lookup(CAROL, d, "f").getStatus()).as("supplementary group").isEqualTo(Status.OK);
        assertThat(fs.lookup(BOB, d, "f").getStatus()).as("other").isEqualTo(Status.ACCESS);
        assertThat(fs.file(CAROL, d, "g").getStatus()).as("group lacks w").isEqualTo(Status.ACCESS);
        assertThat(fs.remove(CAROL, d, "f", RemoveKind.REMOVE_ANY).getStatus()).isEqualTo(Status.ACCESS);
        assertThat(fs.file(ROOT, d, "byroot").getStatus()).isEqualTo(Status.OK);
        fs.setattr(ALICE, d, SetAttrs.newBuilder().setMode(0070).build());
        assertThat(fs.lookup(ALICE, d, "f").getStatus()).as("owner bits apply even when group is wider").isEqualTo(Status.ACCESS);
        assertThat(fs.lookup(CAROL, d, "f").getStatus()).isEqualTo(Status.OK);
        assertThat(fs.readdir(BOB, d, 0, com.google.protobuf.ByteString.EMPTY, 10, false).getStatus()).isEqualTo(Status.ACCESS);
    }

    @Test
    void accessAndRequireAccess() {
        FileHandle f = aliceFile();
        fs.setattr(ALICE, f, SetAttrs.newBuilder().setMode(0640).setGid(3000).build());
        int all = 0x3f;
        assertThat(fs.stub.access(AccessRequest.newBuilder().setIdentity(ALICE).setHandle(f).setRequested(all).build())
                .getGranted()).isEqualTo(0x01 | 0x04 | 0x08);
        assertThat(fs.stub.access(AccessRequest.newBuilder().setIdentity(CAROL).setHandle(f).setRequested(all).build())
                .getGranted()).isEqualTo(0x01);
        assertThat(fs.stub.access(AccessRequest.newBuilder().setIdentity(BOB).setHandle(f).setRequested(all).build())
                .getGranted()).isZero();
        assertThat(fs.stub.access(AccessRequest.newBuilder().setIdentity(ROOT).setHandle(f).setRequested(all).build())
                .getGranted()).as("root: all but execute of a non-executable file").isEqualTo(0x01 | 0x04 | 0x08);
        assertThat(fs.stub.access(AccessRequest.newBuilder().setIdentity(ROOT).setHandle(root).setRequested(all).build())
                .getGranted()).isEqualTo(0x01 | 0x02 | 0x04 | 0x08 | 0x10);
        GetAttrRequest.Builder ga = GetAttrRequest.newBuilder().setHandle(f).setRequireAccess(AccessBits.ACCESS_READ_VALUE);
        assertThat(fs.stub.getAttr(ga.setIdentity(CAROL).build()).getStatus()).isEqualTo(Status.OK);
        assertThat(fs.stub.getAttr(ga.setIdentity(BOB).build()).getStatus()).isEqualTo(Status.ACCESS);
        // a request without identity is anonymous, not root
        assertThat(fs.stub.getAttr(GetAttrRequest.newBuilder().setHandle(f).setRequireAccess(1).build()).getStatus())
                .isEqualTo(Status.ACCESS);
    }

    @Test
    void stickyDirectoryRemove() {
        FileHandle tmp = openDir("tmp", 01777);
        fs.mustFile(ALICE, tmp, "a");
        fs.mustFile(ALICE, tmp, "a2");
        assertThat(fs.remove(BOB, tmp, "a", RemoveKind.REMOVE_ANY).getStatus()).isEqualTo(Status.PERM);
        assertThat(fs.remove(ALICE, tmp, "a", RemoveKind.REMOVE_ANY).getStatus()).isEqualTo(Status.OK);
        assertThat(fs.remove(ROOT, tmp, "a2", RemoveKind.REMOVE_ANY).getStatus()).isEqualTo(Status.OK);
        FileHandle owned = fs.mustDir(BOB, tmp, "bobs");
        fs.setattr(BOB, owned, SetAttrs.newBuilder().setMode(01777).build());
        fs.mustFile(ALICE, owned, "x");
        assertThat(fs.remove(BOB, owned, "x", RemoveKind.REMOVE_ANY).getStatus()).as("directory owner").isEqualTo(Status.OK);
    }

    @Test
    void setgidDirectoryInheritance() {
        FileHandle d = openDir("shared", 02777);
        fs.setattr(ROOT, d, SetAttrs.newBuilder().setGid(4242).build());
        CreateResponse f = fs.file(ALICE, d, "f");
        assertThat(f.getAttr().getGid()).isEqualTo(4242);
        CreateResponse sub = fs.mkdir(ALICE, d, "sub");
        assertThat(sub.getAttr().getGid()).isEqualTo(4242);
        assertThat(sub.getAttr().getMode() & 02000).isEqualTo(02000);
        FileHandle plain = openDir("plain", 0777);
        assertThat(fs.file(ALICE, plain, "f").getAttr().getGid()).isEqualTo(1000);
    }
}
