package io.dittofs.metadata.storetest;

import static io.dittofs.metadata.storetest.Ids.ALICE;
import static io.dittofs.metadata.storetest.Ids.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.dittofs.contracts.common.v1.FileHandle;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.metadata.v1.*;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Paged listings, cookies and verifiers, xattrs. */
public abstract class ReadDirConformance extends AclConformance {

    /** Lists the whole directory in pages of {@code page}; returns every name in order seen. */
    protected List<String> listAll(FileHandle dir, int page) {
        List<String> names = new ArrayList<>();
        long cookie = 0;
        ByteString verifier = ByteString.EMPTY;
        while (true) {
            ReadDirResponse r = fs.readdir(ROOT, dir, cookie, verifier, page, false);
            assertThat(r.getStatus()).isEqualTo(Status.OK);
            assertThat(r.getEntriesCount()).isLessThanOrEqualTo(Math.min(page, 4096));
            for (DirEntry e : r.getEntriesList()) {
                names.add(e.getName());
                cookie = e.getCookie();
            }
            verifier = r.getVerifier();
            if (r.getEof()) {
                return names;
            }
            assertThat(r.getEntriesCount()).as("a page that is not the last is never empty").isPositive();
        }
    }

    @Test
    void pagesWithAttributesAndDots() {
        FileHandle d = fs.mustDir(ROOT, root, "d");
        for (int i = 0; i < 10; i++) {
            fs.mustFile(ROOT, d, "f" + i);
        }
        ReadDirResponse first = fs.stub.readDir(ReadDirRequest.newBuilder().setIdentity(ROOT).setDir(d)
                .setMaxEntries(4).setWithAttrs(true).setIncludeDotEntries(true).build());
        assertThat(first.getEntriesList()).extracting(DirEntry::getName).containsExactly(".", "..", "f0", "f1");
        assertThat(first.getEntries(1).getHandle()).isEqualTo(root);
        assertThat(first.getEntries(2).getAttr().getType()).isEqualTo(io.dittofs.contracts.common.v1.FileType.REGULAR);
        assertThat(first.getEntries(2).getHandle()).isEqualTo(fs.lookup(ROOT, d, "f0").getHandle());
        assertThat(first.getVerifier().size()).isEqualTo(8);
        assertThat(first.getEof()).isFalse();
        ReadDirResponse next = fs.stub.readDir(ReadDirRequest.newBuilder().setIdentity(ROOT).setDir(d)
                .setCookie(first.getEntries(3).getCookie()).setVerifier(first.getVerifier()).setMaxEntries(100)
                .setIncludeDotEntries(true).build());
        assertThat(next.getEntriesList()).extracting(DirEntry::getName)
                .containsExactly("f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9");
        assertThat(next.getEof()).isTrue();
        ReadDirResponse empty = fs.readdir(ROOT, fs.mustDir(ROOT, root, "e"), 0, ByteString.EMPTY, 10, false);
        assertThat(empty.getEntriesCount()).isZero();
        assertThat(empty.getEof()).isTrue();
    }

    @Test
    void cookiesSurviveConcurrentInsertsAndDeletes() {
        FileHandle d = fs.mustDir(ROOT, root, "d");
        for (int i = 0; i < 100; i++) {
            fs.mustFile(ROOT, d, "n" + i);
        }
        ReadDirResponse p1 = fs.readdir(ROOT, d, 0, ByteString.EMPTY, 30, false);
        long resume = p1.getEntries(29).getCookie();
        // changes before and after the resume point between two pages
        for (int i = 0; i < 10; i++) {
            fs.remove(ROOT, d, "n" + i, RemoveKind.REMOVE_ANY);
        }
        fs.remove(ROOT, d, "n29", RemoveKind.REMOVE_ANY); // the entry the cookie points at
        fs.remove(ROOT, d, "n50", RemoveKind.REMOVE_ANY);
        fs.mustFile(ROOT, d, "late");
        ReadDirResponse rest = fs.readdir(ROOT, d, resume, p1.getVerifier(), 4096, false);
        assertThat(rest.getStatus()).isEqualTo(Status.OK);
        assertThat(rest.getVerifier()).isEqualTo(p1.getVerifier());
        List<String> names = rest.getEntriesList().stream().map(DirEntry::getName).toList();
        assertThat(names).doesNotContain("n29", "n50", "n0").contains("n30", "n99", "late");
        assertThat(names).hasSize(70 - 1 + 1);
        assertThat(names.get(0)).isEqualTo("n30");
    }

    @Test
    void badCookiesAndVerifiers() {
        FileHandle d = fs.mustDir(ROOT, root, "d");
        fs.mustFile(ROOT, d, "a");
        fs.mustFile(ROOT, d, "b");
        ReadDirResponse p = fs.readdir(ROOT, d, 0, ByteString.EMPTY, 1, false);
        long cookie = p.getEntries(0).getCookie();
        assertThat(fs.readdir(ROOT, d, cookie, ByteString.copyFrom(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}), 10, false)
                .getStatus()).isEqualTo(Status.COOKIE_VERF_MISMATCH);
        assertThat(fs.readdir(ROOT, d, 1L << 40, p.getVerifier(), 10, false).getStatus()).isEqualTo(Status.BAD_COOKIE);
        // a verifier of another directory does not match
        FileHandle other = fs.mustDir(ROOT, root, "other");
        ByteString otherVerf = fs.readdir(ROOT, other, 0, ByteString.EMPTY, 1, false).getVerifier();
        assertThat(otherVerf).isNotEqualTo(p.getVerifier());
        assertThat(fs.readdir(ROOT, d, cookie, otherVerf, 10, false).getStatus()).isEqualTo(Status.COOKIE_VERF_MISMATCH);
        assertThat(fs.readdir(ROOT, fs.lookup(ROOT, d, "a").getHandle(), 0, ByteString.EMPTY, 10, false).getStatus())
                .isEqualTo(Status.NOTDIR);
    }

    @Test
    void bigDirectoryListsInBoundedPagesEveryNameOnce() {
        FileHandle d = fs.mustDir(ROOT, root, "big");
        int n = bigDirectoryEntries();
        for (int i = 0; i < n; i++) {
            CreateResponse c = fs.file(ROOT, d, "entry-" + i);
            if (c.getStatus() != Status.OK) {
                throw new AssertionError("create " + i + " -> " + c.getStatus());
            }
        }
        // the service caps a page at 4096 whatever is asked
        ReadDirResponse huge = fs.readdir(ROOT, d, 0, ByteString.EMPTY, 1_000_000, false);
        assertThat(huge.getEntriesCount()).isEqualTo(Math.min(n, 4096));
        List<String> names = listAll(d, 1_000_000);
        assertThat(names).hasSize(n);
        Set<String> unique = new HashSet<>(names);
        assertThat(unique).hasSize(n);
        for (int i = 0; i < n; i += 997) {
            assertThat(unique).contains("entry-" + i);
        }
        assertThat(listAll(d, 777)).hasSize(n);
    }

    @Test
    void xattrs() {
        FileHandle pub = openDir("pub", 0777);
        FileHandle f = fs.mustFile(ALICE, pub, "f");
        SetXattrRequest.Builder set = SetXattrRequest.newBuilder().setIdentity(ALICE).setHandle(f)
                .setName("user.color").setValue(ByteString.copyFromUtf8("blue"));
        SetXattrResponse s = fs.stub.setXattr(set.build());
        assertThat(s.getStatus()).isEqualTo(Status.OK);
        assertThat(s.getWcc().getAfter().getChange()).isGreaterThan(s.getWcc().getBefore().getChange());
        assertThat(fs.stub.setXattr(set.setMode(XattrSetMode.XATTR_CREATE).build()).getStatus()).isEqualTo(Status.XATTR_EXISTS);
        assertThat(fs.stub.setXattr(set.setMode(XattrSetMode.XATTR_REPLACE).setName("user.none").build()).getStatus())
                .isEqualTo(Status.NOXATTR);
        assertThat(fs.stub.setXattr(set.setMode(XattrSetMode.XATTR_REPLACE).setName("user.color")
                .setValue(ByteString.copyFromUtf8("red")).build()).getStatus()).isEqualTo(Status.OK);
        GetXattrRequest get = GetXattrRequest.newBuilder().setIdentity(ALICE).setHandle(f).setName("user.color").build();
        assertThat(fs.stub.getXattr(get).getValue().toStringUtf8()).isEqualTo("red");
        assertThat(fs.stub.getXattr(get.toBuilder().setName("user.none").build()).getStatus()).isEqualTo(Status.NOXATTR);
        assertThat(fs.stub.setXattr(set.setMode(XattrSetMode.XATTR_EITHER).setName("n".repeat(256)).build()).getStatus())
                .isEqualTo(Status.NAMETOOLONG);
        assertThat(fs.stub.setXattr(set.setName("").build()).getStatus()).isEqualTo(Status.INVALID_NAME);
        assertThat(fs.stub.setXattr(set.setName("user.big").setValue(ByteString.copyFrom(new byte[65536])).build())
                .getStatus()).isEqualTo(Status.OK);
        assertThat(fs.stub.getXattr(get.toBuilder().setName("user.big").build()).getValue().size()).isEqualTo(65536);
        assertThat(fs.stub.setXattr(set.setName("user.huge").setValue(ByteString.copyFrom(new byte[65537])).build())
                .getStatus()).isEqualTo(Status.FBIG);
        for (int i = 0; i < 5; i++) {
            fs.stub.setXattr(set.setName("user.k" + i).setValue(ByteString.copyFromUtf8("v")).build());
        }
        ListXattrsResponse l1 = fs.stub.listXattrs(ListXattrsRequest.newBuilder().setIdentity(ALICE).setHandle(f).setMaxEntries(3).build());
        assertThat(l1.getNamesList()).containsExactly("user.big", "user.color", "user.k0");
        assertThat(l1.getEof()).isFalse();
        ListXattrsResponse l2 = fs.stub.listXattrs(ListXattrsRequest.newBuilder().setIdentity(ALICE).setHandle(f)
                .setCookie(l1.getCookie()).setMaxEntries(30).build());
        assertThat(l2.getNamesList()).containsExactly("user.k1", "user.k2", "user.k3", "user.k4");
        assertThat(l2.getEof()).isTrue();
        assertThat(fs.stub.setXattr(set.setIdentity(Ids.BOB).setName("user.x").build()).getStatus()).isEqualTo(Status.ACCESS);
        RemoveXattrRequest rm = RemoveXattrRequest.newBuilder().setIdentity(ALICE).setHandle(f).setName("user.color").build();
        assertThat(fs.stub.removeXattr(rm).getStatus()).isEqualTo(Status.OK);
        assertThat(fs.stub.removeXattr(rm).getStatus()).isEqualTo(Status.NOXATTR);
        // xattrs go with the inode
        fs.remove(ROOT, pub, "f", RemoveKind.REMOVE_ANY);
        FileHandle g = fs.mustFile(ALICE, pub, "g");
        assertThat(fs.stub.listXattrs(ListXattrsRequest.newBuilder().setIdentity(ALICE).setHandle(g).build()).getNamesCount()).isZero();
    }

    /** Counts every entry of the tree under dir by listing; checks nlink of each directory on the way. */
    protected Map<String, Integer> census(FileHandle dir) {
        Map<String, Integer> seen = new HashMap<>();
        int subdirs = 0;
        for (String name : listAll(dir, 500)) {
            seen.merge(name, 1, Integer::sum);
            LookupResponse l = fs.lookup(ROOT, dir, name);
            assertThat(l.getStatus()).isEqualTo(Status.OK);
            if (l.getAttr().getType() == io.dittofs.contracts.common.v1.FileType.DIRECTORY) {
                subdirs++;
                census(l.getHandle()).forEach((k, v) -> seen.merge(k, v, Integer::sum));
            }
        }
        assertThat(fs.attr(dir).getNlink()).isEqualTo(2 + subdirs);
        return seen;
    }
}
