package io.dittofs.gateway.nfs.v4;

import io.dittofs.gateway.nfs.v4.attr.Bitmap;
import io.dittofs.gateway.nfs.v4.attr.Fattr4;
import io.dittofs.gateway.rpc.XdrException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** CREATE, REMOVE, RENAME, LINK and READLINK with change_info4. */
class Nfs4NameOpsTest extends Nfs4FixtureTestBase {

    private static Compound export() {
        return new Compound("", 0).putRootFh().lookup("export");
    }

    private static Compound mkdir(Compound c, String name) {
        return c.op(6, w -> {
            w.writeInt(2).writeString(name);
            Bitmap.of(Fattr4.MODE).write(w);
            w.writeInt(4).writeInt(0755);
        });
    }

    @Test
    void createDirectoryAndSymlinkThenReadTheLink() throws XdrException {
        var r = run(mkdir(export(), "dir").getAttr(Fattr4.TYPE));
        r.expect(24, 0).expect(15, 0).expect(6, 0);
        r.in().readBool();
        long before = r.in().readLong();
        long after = r.in().readLong();
        assertThat(after).isGreaterThan(before);
        assertThat(Bitmap.read(r.in())).isEqualTo(Bitmap.of(Fattr4.MODE));
        r.expect(9, 0);
        Bitmap.read(r.in());
        r.in().readInt();
        assertThat(r.in().readInt()).as("current fh is the new directory").isEqualTo(2);

        var l = run(export().op(6, w -> {
            w.writeInt(5).writeString("target/path").writeString("ln");
            Bitmap.EMPTY.write(w);
            w.writeInt(0);
        }).op(27));
        l.expect(24, 0).expect(15, 0).expect(6, 0);
        l.in().skip(4 + 16);
        Bitmap.read(l.in());
        l.expect(27, 0);
        assertThat(l.in().readString(100)).isEqualTo("target/path");
        run(export().lookup("ln").lookup("x")).expect(24, 0).expect(15, 0).expect(15, 0).expect(15, Nfs4Status.SYMLINK);
        run(export().op(6, w -> {
            w.writeInt(1).writeString("reg");
            Bitmap.EMPTY.write(w);
            w.writeInt(0);
        })).expect(24, 0).expect(15, 0).expect(6, Nfs4Status.BADTYPE);
    }

    @Test
    void renameLinkAndRemove() throws XdrException {
        run(mkdir(export(), "a")).expect(24, 0).expect(15, 0).expect(6, 0);
        run(export().op(32).op(29, w -> w.writeString("a").writeString("b")))
                .expect(24, 0).expect(15, 0).expect(32, 0).expect(29, 0);
        run(export().lookup("a")).expect(24, 0).expect(15, 0).expect(15, Nfs4Status.NOENT);
        run(export().op(28, w -> w.writeString("b"))).expect(24, 0).expect(15, 0).expect(28, 0);
        run(export().op(28, w -> w.writeString("b"))).expect(24, 0).expect(15, 0).expect(28, Nfs4Status.NOENT);
        // a fifo, hard-linked under a second name
        run(export().op(6, w -> {
            w.writeInt(7).writeString("p");
            Bitmap.EMPTY.write(w);
            w.writeInt(0);
        })).expect(24, 0).expect(15, 0).expect(6, 0);
        var link = run(export().lookup("p").op(32).putRootFh().lookup("export")
                .op(11, w -> w.writeOpaque("p2".getBytes(StandardCharsets.UTF_8))).lookup("p2").getAttr(Fattr4.NUMLINKS));
        link.expect(24, 0).expect(15, 0).expect(15, 0).expect(32, 0).expect(24, 0).expect(15, 0).expect(11, 0);
        link.in().skip(4 + 16);
        link.expect(15, 0).expect(9, 0);
        Bitmap.read(link.in());
        link.in().readInt();
        assertThat(link.in().readInt()).isEqualTo(2);
        run(new Compound("", 0).putRootFh().op(28, w -> w.writeString("export")))
                .expect(24, 0).expect(28, Nfs4Status.ROFS);
    }
}
