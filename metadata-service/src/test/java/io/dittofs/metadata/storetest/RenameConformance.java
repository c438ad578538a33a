package io.dittofs.metadata.storetest;

import static io.dittofs.metadata.storetest.Ids.ALICE;
import static io.dittofs.metadata.storetest.Ids.BOB;
import static io.dittofs.metadata.storetest.Ids.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.contracts.common.v1.FileHandle;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.metadata.v1.Attr;
import io.dittofs.contracts.metadata.v1.RenameRequest;
import io.dittofs.contracts.metadata.v1.RenameResponse;
import org.junit.jupiter.api.Test;

/** rename(2) in all its shapes. */
public abstract class RenameConformance extends NamespaceConformance {

    @Test
    void renameWithinDirectory() {
        FileHandle f = fs.mustFile(ROOT, root, "a");
        long ctime = Ts.of(fs.attr(f).getCtime());
        RenameResponse r = fs.rename(ROOT, root, "a", root, "b");
        assertThat(r.getStatus()).isEqualTo(Status.OK);
        assertThat(fs.lookup(ROOT, root, "a").getStatus()).isEqualTo(Status.NOENT);
        assertThat(fs.lookup(ROOT, root, "b").getHandle()).isEqualTo(f);
        assertThat(Ts.of(fs.attr(f).getCtime())).isGreaterThan(ctime);
        assertThat(r.getFromDirWcc().getAfter().getChange()).isGreaterThan(r.getFromDirWcc().getBefore().getChange());
        assertThat(r.hasReplaced()).isFalse();
        assertThat(fs.rename(ROOT, root, "a", root, "c").getStatus()).isEqualTo(Status.NOENT);
    }

    @Test
    void renameAcrossDirectoriesMovesDotDotAndNlink() {
        FileHandle a = fs.mustDir(ROOT, root, "a");
        FileHandle b = fs.mustDir(ROOT, root, "b");
        FileHandle sub = fs.mustDir(ROOT, a, "sub");
        assertThat(fs.attr(a).getNlink()).isEqualTo(3);
        RenameResponse r = fs.rename(ROOT, a, "sub", b, "moved");
        assertThat(r.getStatus()).isEqualTo(Status.OK);
        assertThat(fs.attr(a).getNlink()).isEqualTo(2);
        assertThat(fs.attr(b).getNlink()).isEqualTo(3);
        assertThat(fs.lookup(ROOT, sub, "..").getHandle()).isEqualTo(b);
        assertThat(Ts.of(r.getFromDirWcc().getAfter().getMtime())).isGreaterThan(Ts.of(r.getFromDirWcc().getBefore().getMtime()));
        assertThat(Ts.of(r.getToDirWcc().getAfter().getMtime())).isGreaterThan(Ts.of(r.getToDirWcc().getBefore().getMtime()));
    }

    @Test
    void renameReplacesFileAndReleasesItsPayload() {
        FileHandle a = fs.mustFile(ROOT, root, "a");
        FileHandle b = fs.mustFile(ROOT, root, "b");
        Attr bAttr = fs.attr(b);
        RenameResponse r = fs.rename(ROOT, root, "a", root, "b");
        assertThat(r.getStatus()).isEqualTo(Status.OK);
        assertThat(r.getReplaced().getHandle()).isEqualTo(b);
        assertThat(r.getReplaced().getPayloadId()).isEqualTo(bAttr.getPayloadId());
        assertThat(fs.lookup(ROOT, root, "b").getHandle()).isEqualTo(a);
        assertThat(fs.getattr(ROOT, b).getStatus()).isEqualTo(Status.STALE);
    }

    @Test
    void renameOverHardLinkedTargetKeepsItsPayload() {
        FileHandle t = fs.mustFile(ROOT, root, "t");
        fs.link(ROOT, t, root, "t2");
        fs.mustFile(ROOT, root, "s");
        RenameResponse r = fs.rename(ROOT, root, "s", root, "t");
        assertThat(r.getReplaced().getNlinkAfter()).isEqualTo(1);
        assertThat(r.getReplaced().hasPayloadId()).isFalse();
        assertThat(fs.attr(t).getNlink()).isEqualTo(1);
    }

    @Test
    void renameDirectoryOverEmptyDirectory() {
        FileHandle a = fs.mustDir(ROOT, root, "a");
        FileHandle b = fs.mustDir(ROOT, root, "b");
        assertThat(fs.attr(root).getNlink()).isEqualTo(4);
        RenameResponse r = fs.rename(ROOT, root, "a", root, "b");
        assertThat(r.getStatus()).isEqualTo(Status.OK);
        assertThat(r.getReplaced().getHandle()).isEqualTo(b);
        assertThat(fs.attr(root).getNlink()).isEqualTo(3);
        assertThat(fs.lookup(ROOT, root, "b").getHandle()).isEqualTo(a);
        assertThat(fs.getattr(ROOT, b).getStatus()).isEqualTo(Status.STALE);
    }

    @Test
    void renameRefusals() {
        FileHandle d = fs.mustDir(ROOT, root, "d");
        fs.mustDir(ROOT, root, "full");
        FileHandle full = fs.lookup(ROOT, root, "full").getHandle();
        fs.mustFile(ROOT, full, "x");
        fs.mustFile(ROOT, root, "f");
        assertThat(fs.rename(ROOT, root, "d", root, "full").getStatus()).isEqualTo(Status.NOTEMPTY);
        assertThat(fs.rename(ROOT, root, "d", root, "f").getStatus()).isEqualTo(Status.NOTDIR);
        assertThat(fs.rename(ROOT, root, "f", root, "d").getStatus()).isEqualTo(Status.ISDIR);
        RenameResponse noReplace = fs.stub.rename(RenameRequest.newBuilder().setIdentity(ROOT).setFromDir(root)
                .setFromName("f").setToDir(full).setToName("x").setNoReplace(true).build());
        assertThat(noReplace.getStatus()).isEqualTo(Status.EXIST);
        assertThat(fs.rename(ROOT, root, "f", fs.root("other").getHandle(), "f").getStatus()).isEqualTo(Status.XDEV);
        FileHandle f = fs.lookup(ROOT, root, "f").getHandle();
        assertThat(fs.rename(ROOT, f, "x", root, "y").getStatus()).isEqualTo(Status.NOTDIR);
        // nothing moved by any refusal
        assertThat(fs.lookup(ROOT, root, "d").getHandle()).isEqualTo(d);
        assertThat(fs.lookup(ROOT, full, "x").getStatus()).isEqualTo(Status.OK);
    }

    @Test
    void renameIntoOwnSubtreeIsInval() {
        FileHandle a = fs.mustDir(ROOT, root, "a");
        FileHandle b = fs.mustDir(ROOT, a, "b");
        FileHandle c = fs.mustDir(ROOT, b, "c");
        assertThat(fs.rename(ROOT, root, "a", c, "a").getStatus()).isEqualTo(Status.INVAL);
        assertThat(fs.rename(ROOT, root, "a", a, "self").getStatus()).isEqualTo(Status.INVAL);
        assertThat(fs.rename(ROOT, a, "b", c, "b").getStatus()).isEqualTo(Status.INVAL);
        // moving it up is fine
        assertThat(fs.rename(ROOT, b, "c", root, "c").getStatus()).isEqualTo(Status.OK);
        assertThat(fs.lookup(ROOT, c, "..").getHandle()).isEqualTo(root);
    }

    @Test
    void renameOfTwoLinksToSameInodeIsNoOp() {
        FileHandle f = fs.mustFile(ROOT, root, "f");
        fs.link(ROOT, f, root, "g");
        long change = fs.attr(root).getChange();
        assertThat(fs.rename(ROOT, root, "f", root, "g").getStatus()).isEqualTo(Status.OK);
        assertThat(fs.lookup(ROOT, root, "f").getHandle()).isEqualTo(f);
        assertThat(fs.lookup(ROOT, root, "g").getHandle()).isEqualTo(f);
        assertThat(fs.attr(f).getNlink()).isEqualTo(2);
        assertThat(fs.attr(root).getChange()).isEqualTo(change);
        assertThat(fs.rename(ROOT, root, "f", root, "f").getStatus()).isEqualTo(Status.OK);
    }

    @Test
    void renamePermissionsAndStickyDirectories() {
        FileHandle tmp = openDir("tmp", 01777);
        FileHandle aliceFile = fs.mustFile(ALICE, tmp, "alice");
        fs.mustFile(BOB, tmp, "bob");
        assertThat(fs.rename(BOB, tmp, "alice", tmp, "stolen").getStatus()).isEqualTo(Status.PERM);
        assertThat(fs.rename(BOB, tmp, "bob", tmp, "alice").getStatus()).isEqualTo(Status.PERM);
        assertThat(fs.rename(ALICE, tmp, "alice", tmp, "mine").getStatus()).isEqualTo(Status.OK);
        assertThat(fs.rename(ROOT, tmp, "mine", tmp, "alice").getStatus()).isEqualTo(Status.OK);
        FileHandle closed = openDir("closed", 0755);
        assertThat(fs.rename(ALICE, tmp, "alice", closed, "x").getStatus()).isEqualTo(Status.ACCESS);
        assertThat(fs.lookup(ROOT, tmp, "alice").getHandle()).isEqualTo(aliceFile);
        // moving a directory to another parent rewrites its "..": needs write permission on it
        FileHandle pub = openDir("pub", 0777);
        fs.mustDir(ROOT, pub, "rootsdir");
        FileHandle pub2 = openDir("pub2", 0777);
        assertThat(fs.rename(ALICE, pub, "rootsdir", pub2, "x").getStatus()).isEqualTo(Status.ACCESS);
        assertThat(fs.rename(ALICE, pub, "rootsdir", pub, "renamed").getStatus()).isEqualTo(Status.OK);
    }
}
