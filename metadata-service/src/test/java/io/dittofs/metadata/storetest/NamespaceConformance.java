package io.dittofs.metadata.storetest;

import static io.dittofs.metadata.storetest.Ids.ALICE;
import static io.dittofs.metadata.storetest.Ids.BOB;
import static io.dittofs.metadata.storetest.Ids.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.dittofs.contracts.common.v1.FileHandle;
import io.dittofs.contracts.common.v1.FileType;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.metadata.v1.*;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Roots, create/lookup/remove, names, handles, links, symlinks and special files. */
public abstract class NamespaceConformance extends StoreTestBase {

    @Test
    void rootsArePerShareAndStable() {
        GetRootResponse a = fs.root("export");
        GetRootResponse b = fs.root("other");
        assertThat(a.getStatus()).isEqualTo(Status.OK);
        assertThat(a.getHandle()).isEqualTo(root);
        assertThat(b.getShareId()).isNotEqualTo(a.getShareId());
        assertThat(a.getAttr().getType()).isEqualTo(FileType.DIRECTORY);
        assertThat(a.getAttr().getNlink()).isEqualTo(2);
        assertThat(a.getHandle().getValue().size()).isLessThanOrEqualTo(64);
        assertThat(a.getHandle().getValue().byteAt(0)).isEqualTo((byte) 1);
        assertThat(io.dittofs.contracts.FileHandles.shareId(a.getHandle())).isEqualTo(a.getShareId());
        assertThat(fs.root("").getStatus()).isEqualTo(Status.INVAL);
        // ".." of a root is the root itself
        assertThat(fs.lookup(ROOT, root, "..").getHandle()).isEqualTo(root);
    }

    @Test
    void createThenLookupAndGetattr() {
        Attr dirBefore = fs.attr(root);
        CreateResponse c = fs.file(ROOT, root, "a.txt");
        assertThat(c.getStatus()).isEqualTo(Status.OK);
        assertThat(c.getAttr().getType()).isEqualTo(FileType.REGULAR);
        assertThat(c.getAttr().getMode()).isEqualTo(0644);
        assertThat(c.getAttr().getNlink()).isEqualTo(1);
        assertThat(c.getAttr().getPayloadId().getValue().size()).isEqualTo(16);
        assertThat(c.getDirWcc().getBefore().getChange()).isEqualTo(dirBefore.getChange());
        Attr dirAfter = c.getDirWcc().getAfter();
        assertThat(dirAfter.getChange()).isGreaterThan(dirBefore.getChange());
        assertThat(Ts.of(dirAfter.getMtime())).isGreaterThan(Ts.of(dirBefore.getMtime()));
        assertThat(Ts.of(dirAfter.getCtime())).isEqualTo(Ts.of(dirAfter.getMtime()));
        LookupResponse l = fs.lookup(ROOT, root, "a.txt");
        assertThat(l.getStatus()).isEqualTo(Status.OK);
        assertThat(l.getHandle()).isEqualTo(c.getHandle());
        assertThat(l.getAttr()).isEqualTo(c.getAttr());
        assertThat(fs.getattr(ROOT, c.getHandle()).getAttr()).isEqualTo(c.getAttr());
        assertThat(fs.lookup(ROOT, root, "missing").getStatus()).isEqualTo(Status.NOENT);
        assertThat(fs.lookup(ROOT, root, "missing").getDirAttr().getFileid()).isEqualTo(dirAfter.getFileid());
        assertThat(fs.lookup(ROOT, c.getHandle(), "x").getStatus()).isEqualTo(Status.NOTDIR);
        assertThat(fs.file(ROOT, c.getHandle(), "x").getStatus()).isEqualTo(Status.NOTDIR);
        // two files never share a payload
        assertThat(fs.file(ROOT, root, "b.txt").getAttr().getPayloadId()).isNotEqualTo(c.getAttr().getPayloadId());
    }

    @Test
    void dotAndDotDot() {
        FileHandle d = fs.mustDir(ROOT, root, "d");
        FileHandle e = fs.mustDir(ROOT, d, "e");
        assertThat(fs.lookup(ROOT, e, ".").getHandle()).isEqualTo(e);
        assertThat(fs.lookup(ROOT, e, "..").getHandle()).isEqualTo(d);
        assertThat(fs.lookup(ROOT, d, "..").getHandle()).isEqualTo(root);
    }

    @Test
    void createModes() {
        FileHandle f = fs.mustFile(ROOT, root, "f");
        assertThat(fs.file(ROOT, root, "f").getStatus()).isEqualTo(Status.EXIST);
        CreateResponse unchecked = fs.stub.create(CreateRequest.newBuilder().setIdentity(ROOT).setDir(root).setName("f")
                .setType(FileType.REGULAR).setMode(CreateMode.UNCHECKED).build());
        assertThat(unchecked.getStatus()).isEqualTo(Status.OK);
        assertThat(unchecked.getExisted()).isTrue();
        assertThat(unchecked.getHandle()).isEqualTo(f);
        fs.mustDir(ROOT, root, "dir");
        CreateResponse overDir = fs.stub.create(CreateRequest.newBuilder().setIdentity(ROOT).setDir(root).setName("dir")
                .setType(FileType.REGULAR).setMode(CreateMode.UNCHECKED).build());
        assertThat(overDir.getStatus()).isEqualTo(Status.EXIST);

        ByteString v1 = ByteString.copyFromUtf8("verif001");
        CreateRequest excl = CreateRequest.newBuilder().setIdentity(ROOT).setDir(root).setName("x")
                .setType(FileType.REGULAR).setMode(CreateMode.EXCLUSIVE).setVerifier(v1).build();
        CreateResponse first = fs.stub.create(excl);
        assertThat(first.getStatus()).isEqualTo(Status.OK);
        assertThat(first.getExisted()).isFalse();
        CreateResponse retry = fs.stub.create(excl);
        assertThat(retry.getStatus()).isEqualTo(Status.OK);
        assertThat(retry.getExisted()).isTrue();
        assertThat(retry.getHandle()).isEqualTo(first.getHandle());
        CreateResponse other = fs.stub.create(excl.toBuilder().setVerifier(ByteString.copyFromUtf8("verif002")).build());
        assertThat(other.getStatus()).isEqualTo(Status.EXIST);
        assertThat(fs.stub.create(excl.toBuilder().setName("y").setVerifier(ByteString.copyFromUtf8("short")).build())
                .getStatus()).isEqualTo(Status.INVAL);
    }

    @Test
    void uncheckedCreateAppliesSize() {
        FileHandle f = fs.mustFile(ROOT, root, "f");
        assertThat(fs.write(ROOT, f, 0, 100, false).getStatus()).isEqualTo(Status.OK);
        CreateResponse r = fs.stub.create(CreateRequest.newBuilder().setIdentity(ROOT).setDir(root).setName("f")
                .setType(FileType.REGULAR).setMode(CreateMode.UNCHECKED).setAttrs(SetAttrs.newBuilder().setSize(0)).build());
        assertThat(r.getExisted()).isTrue();
        assertThat(r.getAttr().getSize()).isZero();
    }

    @Test
    void dosAttributesAskedForAtCreationAreKeptAndRead() {
        CreateResponse r = fs.stub.create(CreateRequest.newBuilder().setIdentity(ROOT).setDir(root).setName("dos")
                .setType(FileType.REGULAR).setMode(CreateMode.GUARDED)
                .setAttrs(SetAttrs.newBuilder().setMode(0644).setDosAttributes(0x8000_0022)).build());
        assertThat(r.getStatus()).isEqualTo(Status.OK);
        assertThat(r.getAttr().getDosAttributes()).isEqualTo(0x8000_0022);
        assertThat(fs.lookup(ROOT, root, "dos").getAttr().getDosAttributes()).as("as stored").isEqualTo(0x8000_0022);
    }

    @Test
    void badNames() {
        for (String bad : List.of("", ".", "..", "a/b", "/", "a\0b")) {
            assertThat(fs.file(ROOT, root, bad).getStatus()).as("create '%s'", bad).isEqualTo(Status.INVALID_NAME);
            assertThat(fs.remove(ROOT, root, bad, RemoveKind.REMOVE_ANY).getStatus()).isEqualTo(Status.INVALID_NAME);
            assertThat(fs.rename(ROOT, root, bad, root, "ok").getStatus()).isEqualTo(Status.INVALID_NAME);
        }
        assertThat(fs.lookup(ROOT, root, "").getStatus()).isEqualTo(Status.INVALID_NAME);
        assertThat(fs.lookup(ROOT, root, "a/b").getStatus()).isEqualTo(Status.INVALID_NAME);
        assertThat(fs.file(ROOT, root, "x".repeat(255)).getStatus()).isEqualTo(Status.OK);
        assertThat(fs.file(ROOT, root, "x".repeat(256)).getStatus()).isEqualTo(Status.NAMETOOLONG);
        assertThat(fs.file(ROOT, root, "€".repeat(85)).getStatus()).isEqualTo(Status.OK);
        assertThat(fs.file(ROOT, root, "€".repeat(86)).getStatus()).isEqualTo(Status.NAMETOOLONG);
        assertThat(fs.lookup(ROOT, root, "y".repeat(256)).getStatus()).isEqualTo(Status.NAMETOOLONG);
        assertThat(fs.file(ROOT, root, "bad\uD800x").getStatus()).isEqualTo(Status.INVALID_NAME);
    }

    @Test
    void forgedAndStaleHandles() {
        FileHandle f = fs.mustFile(ROOT, root, "f");
        byte[] forged = f.getValue().toByteArray();
        forged[8] ^= 1; // another fileid, same MAC
        assertThat(fs.getattr(ROOT, FileHandle.newBuilder().setValue(ByteString.copyFrom(forged)).build()).getStatus())
                .isEqualTo(Status.BADHANDLE);
        byte[] badMac = f.getValue().toByteArray();
        badMac[badMac.length - 1] ^= 0x40;
        assertThat(fs.getattr(ROOT, FileHandle.newBuilder().setValue(ByteString.copyFrom(badMac)).build()).getStatus())
                .isEqualTo(Status.BADHANDLE);
        assertThat(fs.getattr(ROOT, FileHandle.getDefaultInstance()).getStatus()).isEqualTo(Status.BADHANDLE);
        assertThat(fs.getattr(ROOT, FileHandle.newBuilder().setValue(ByteString.copyFrom(new byte[64])).build()).getStatus())
                .isEqualTo(Status.BADHANDLE);
        assertThat(fs.lookup(ROOT, FileHandle.newBuilder().setValue(f.getValue().substring(0, 10)).build(), "x").getStatus())
                .isEqualTo(Status.BADHANDLE);
        assertThat(fs.remove(ROOT, root, "f", RemoveKind.REMOVE_NON_DIR).getStatus()).isEqualTo(Status.OK);
        assertThat(fs.getattr(ROOT, f).getStatus()).isEqualTo(Status.STALE);
        assertThat(fs.write(ROOT, f, 0, 1, false).getStatus()).isEqualTo(Status.STALE);
        assertThat(fs.link(ROOT, f, root, "again").getStatus()).isEqualTo(Status.STALE);
        FileHandle d = fs.mustDir(ROOT, root, "d");
        assertThat(fs.remove(ROOT, root, "d", RemoveKind.REMOVE_DIR).getStatus()).isEqualTo(Status.OK);
        assertThat(fs.file(ROOT, d, "x").getStatus()).isEqualTo(Status.STALE);
        assertThat(fs.readdir(ROOT, d, 0, ByteString.EMPTY, 10, false).getStatus()).isEqualTo(Status.STALE);
    }

    @Test
    void mkdirRmdirAndNlink() {
        FileHandle d = fs.mustDir(ROOT, root, "d");
        assertThat(fs.attr(root).getNlink()).isEqualTo(3);
        assertThat(fs.attr(d).getNlink()).isEqualTo(2);
        assertThat(fs.attr(d).getMode()).isEqualTo(0755);
        fs.mustDir(ROOT, d, "sub1");
        fs.mustDir(ROOT, d, "sub2");
        fs.mustFile(ROOT, d, "file");
        assertThat(fs.attr(d).getNlink()).isEqualTo(4);
        assertThat(fs.remove(ROOT, root, "d", RemoveKind.REMOVE_DIR).getStatus()).isEqualTo(Status.NOTEMPTY);
        assertThat(fs.remove(ROOT, root, "d", RemoveKind.REMOVE_NON_DIR).getStatus()).isEqualTo(Status.ISDIR);
        assertThat(fs.remove(ROOT, d, "file", RemoveKind.REMOVE_DIR).getStatus()).isEqualTo(Status.NOTDIR);
        assertThat(fs.remove(ROOT, d, "sub1", RemoveKind.REMOVE_ANY).getStatus()).isEqualTo(Status.OK);
        assertThat(fs.attr(d).getNlink()).isEqualTo(3);
        assertThat(fs.remove(ROOT, d, "sub2", RemoveKind.REMOVE_DIR).getStatus()).isEqualTo(Status.OK);
        RemoveResponse rf = fs.remove(ROOT, d, "file", RemoveKind.REMOVE_NON_DIR);
        assertThat(rf.getStatus()).isEqualTo(Status.OK);
        assertThat(rf.getReleased().getPayloadId().getValue().size()).isEqualTo(16);
        assertThat(fs.remove(ROOT, d, "file", RemoveKind.REMOVE_NON_DIR).getStatus()).isEqualTo(Status.NOENT);
        assertThat(fs.remove(ROOT, root, "d", RemoveKind.REMOVE_DIR).getStatus()).isEqualTo(Status.OK);
        assertThat(fs.attr(root).getNlink()).isEqualTo(2);
    }

    @Test
    void symlinkAndReadlink() {
        CreateResponse s = fs.stub.create(CreateRequest.newBuilder().setIdentity(ROOT).setDir(root).setName("ln")
                .setType(FileType.SYMLINK).setSymlinkTarget("../some/where").build());
        assertThat(s.getStatus()).isEqualTo(Status.OK);
        assertThat(s.getAttr().getType()).isEqualTo(FileType.SYMLINK);
        assertThat(s.getAttr().getSize()).isEqualTo("../some/where".length());
        ReadLinkResponse r = fs.stub.readLink(ReadLinkRequest.newBuilder().setIdentity(BOB).setHandle(s.getHandle()).build());
        assertThat(r.getStatus()).isEqualTo(Status.OK);
        assertThat(r.getTarget()).isEqualTo("../some/where");
        FileHandle f = fs.mustFile(ROOT, root, "f");
        assertThat(fs.stub.readLink(ReadLinkRequest.newBuilder().setIdentity(ROOT).setHandle(f).build()).getStatus())
                .isEqualTo(Status.INVAL);
        assertThat(fs.stub.create(CreateRequest.newBuilder().setIdentity(ROOT).setDir(root).setName("empty")
                .setType(FileType.SYMLINK).build()).getStatus()).isEqualTo(Status.INVAL);
    }

    @Test
    void specialFiles() {
        for (FileType t : List.of(FileType.FIFO, FileType.SOCKET, FileType.CHAR_DEVICE, FileType.BLOCK_DEVICE)) {
            CreateResponse r = fs.stub.create(CreateRequest.newBuilder().setIdentity(ROOT).setDir(root).setName(t.name())
                    .setType(t).setRdevMajor(8).setRdevMinor(1).build());
            assertThat(r.getStatus()).as("%s", t).isEqualTo(Status.OK);
            assertThat(r.getAttr().getType()).isEqualTo(t);
            assertThat(r.getAttr().hasPayloadId()).isFalse();
        }
        assertThat(fs.lookup(ROOT, root, "BLOCK_DEVICE").getAttr().getRdevMajor()).isEqualTo(8);
        assertThat(fs.lookup(ROOT, root, "CHAR_DEVICE").getAttr().getRdevMinor()).isEqualTo(1);
        FileHandle pub = openDir("pub", 0777);
        assertThat(fs.create(ALICE, pub, "dev", FileType.CHAR_DEVICE, -1).getStatus()).isEqualTo(Status.PERM);
        assertThat(fs.create(ALICE, pub, "fifo", FileType.FIFO, -1).getStatus()).isEqualTo(Status.OK);
        assertThat(fs.create(ROOT, root, "u", FileType.FILE_TYPE_UNSPECIFIED, -1).getStatus()).isEqualTo(Status.BADTYPE);
        assertThat(fs.create(ROOT, root, "n", FileType.NAMED_ATTR, -1).getStatus()).isEqualTo(Status.BADTYPE);
    }

    @Test
    void hardLinks() {
        FileHandle f = fs.mustFile(ROOT, root, "f");
        FileHandle d = fs.mustDir(ROOT, root, "d");
        long ctime = Ts.of(fs.attr(f).getCtime());
        LinkResponse l = fs.link(ROOT, f, d, "g");
        assertThat(l.getStatus()).isEqualTo(Status.OK);
        assertThat(l.getAttr().getNlink()).isEqualTo(2);
        assertThat(Ts.of(l.getAttr().getCtime())).isGreaterThan(ctime);
        assertThat(fs.lookup(ROOT, d, "g").getHandle()).isEqualTo(f);
        assertThat(fs.link(ROOT, f, d, "g").getStatus()).isEqualTo(Status.EXIST);
        assertThat(fs.link(ROOT, d, root, "dirlink").getStatus()).isEqualTo(Status.ISDIR);
        assertThat(fs.link(ROOT, f, f, "x").getStatus()).isEqualTo(Status.NOTDIR);
        FileHandle otherShare = fs.root("other").getHandle();
        assertThat(fs.link(ROOT, f, otherShare, "x").getStatus()).isEqualTo(Status.XDEV);
        RemoveResponse first = fs.remove(ROOT, root, "f", RemoveKind.REMOVE_NON_DIR);
        assertThat(first.getReleased().getNlinkAfter()).isEqualTo(1);
        assertThat(first.getReleased().hasPayloadId()).isFalse();
        assertThat(fs.attr(f).getNlink()).isEqualTo(1);
        RemoveResponse last = fs.remove(ROOT, d, "g", RemoveKind.REMOVE_NON_DIR);
        assertThat(last.getReleased().getNlinkAfter()).isZero();
        assertThat(last.getReleased().getPayloadId().getValue().size()).isEqualTo(16);
        assertThat(last.getReleased().getHandle()).isEqualTo(f);
        assertThat(fs.getattr(ROOT, f).getStatus()).isEqualTo(Status.STALE);
    }

    @Test
    void fsStatAndInfo() {
        FsStatResponse s = fs.stub.fsStat(FsStatRequest.newBuilder().setIdentity(ROOT).setHandle(root).build());
        assertThat(s.getStatus()).isEqualTo(Status.OK);
        assertThat(s.getTotalBytes()).isPositive();
        assertThat(s.getAttr().getFileid()).isEqualTo(fs.attr(root).getFileid());
        FsInfoResponse i = fs.stub.fsInfo(FsInfoRequest.newBuilder().setIdentity(ROOT).setHandle(root).build());
        assertThat(i.getMaxNameBytes()).isEqualTo(255);
        assertThat(i.getXattrs()).isTrue();
        assertThat(i.getHardLinks()).isTrue();
    }
}
