package io.dittofs.gateway.nfs.v4;

import io.dittofs.gateway.fixture.GatewayFixture;
import io.dittofs.gateway.nfs.v4.attr.Bitmap;
import io.dittofs.gateway.nfs.v4.attr.Fattr4;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrWriter;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** OPEN (create and plain), OPEN_CONFIRM, WRITE, READ, COMMIT and CLOSE as a 4.0 client does them. */
class Nfs4IoOpsTest extends Nfs4FixtureTestBase {

    private long clientId;

    private void confirmClient() throws XdrException {
        var r = run(new Compound("", 0).op(Nfs4Ops.SETCLIENTID, w -> w.writeFixedOpaque(new byte[8])
                .writeString("io-client").writeInt(1).writeString("tcp").writeString("127.0.0.1.8.1").writeInt(1)));
        r.expect(Nfs4Ops.SETCLIENTID, 0);
        clientId = r.in().readLong();
        byte[] confirm = r.in().readFixedOpaque(8);
        run(new Compound("", 0).op(Nfs4Ops.SETCLIENTID_CONFIRM, w -> w.writeLong(clientId).writeFixedOpaque(confirm)))
                .expect(Nfs4Ops.SETCLIENTID_CONFIRM, 0);
    }

    private Consumer<XdrWriter> open(int seqid, int access, String name, boolean create, int createMode) {
        return w -> {
            w.writeInt(seqid).writeInt(access).writeInt(0).writeLong(clientId).writeString("owner-1");
            w.writeInt(create ? 1 : 0);
            if (create) {
                w.writeInt(createMode);
                if (createMode == 2) {
                    w.writeFixedOpaque(new byte[]{1, 1, 1, 1, 2, 2, 2, 2});
                } else {
                    Bitmap.of(Fattr4.MODE).write(w);
                    w.writeInt(4).writeInt(0600);
                }
            }
            w.writeInt(0).writeString(name);
        };
    }

    /** Skips OPEN4resok after the stateid. */
    private static void skipOpenRest(Result r) throws XdrException {
        r.in().readBool();
        r.in().readLong();
        r.in().readLong();
        r.in().readInt();
        Bitmap.read(r.in());
        assertThat(r.in().readInt()).as("no delegation").isZero();
    }

    @Test
    void createWriteCloseThenOpenReadClose() throws XdrException {
        confirmClient();
        byte[] content = "hello over NFSv4".getBytes(StandardCharsets.UTF_8);
        var r = run(new Compound("", 0).putRootFh().lookup("export").op(18, open(1, 3, "hello.txt", true, 1)).getFh());
        r.expect(24, 0).expect(15, 0).expect(18, 0);
        Stateid sid = Stateid.read(r.in());
        assertThat(sid.seqid()).isEqualTo(1);
        r.in().readBool();
        r.in().readLong();
        r.in().readLong();
        assertThat(r.in().readInt() & 2).as("first open of the owner needs OPEN_CONFIRM").isEqualTo(2);
        assertThat(Bitmap.read(r.in())).isEqualTo(Bitmap.of(Fattr4.MODE));
        r.in().readInt();
        r.expect(10, 0);
        byte[] fh = r.in().readOpaque(128);

        var confirmed = run(new Compound("", 0).op(22, w -> w.writeOpaque(fh))
                .op(20, w -> { sid.write(w); w.writeInt(2); }));
        confirmed.expect(22, 0).expect(20, 0);
        Stateid sid2 = Stateid.read(confirmed.in());
        assertThat(sid2.seqid()).isEqualTo(2);

        var written = run(new Compound("", 0).op(22, w -> w.writeOpaque(fh))
                .op(38, w -> { sid2.write(w); w.writeLong(0).writeInt(2).writeOpaque(content); })
                .op(5, w -> w.writeLong(0).writeInt(0))
                .op(4, w -> { w.writeInt(3); sid2.write(w); }));
        written.expect(22, 0).expect(38, 0);
        assertThat(written.in().readInt()).isEqualTo(content.length);
        written.in().readInt();
        written.in().readFixedOpaque(8);
        written.expect(5, 0);
        written.in().readFixedOpaque(8);
        written.expect(4, 0);
        assertThat(Stateid.read(written.in()).seqid()).isEqualTo(3);

        var again = run(new Compound("", 0).putRootFh().lookup("export").op(18, open(4, 1, "hello.txt", false, 0)));
        again.expect(24, 0).expect(15, 0).expect(18, 0);
        Stateid rsid = Stateid.read(again.in());
        skipOpenRest(again);
        var read = run(new Compound("", 0).op(22, w -> w.writeOpaque(fh))
                .op(25, w -> { rsid.write(w); w.writeLong(0).writeInt(4096); })
                .op(38, w -> { rsid.write(w); w.writeLong(0).writeInt(2).writeOpaque(content); }));
        read.expect(22, 0).expect(25, 0);
        assertThat(read.in().readBool()).as("eof").isTrue();
        assertThat(read.in().readOpaque(4096)).isEqualTo(content);
        read.expect(38, Nfs4Status.OPENMODE);

        var anon = run(new Compound("", 0).op(22, w -> w.writeOpaque(fh))
                .op(25, w -> { new Stateid(0, new byte[12]).write(w); w.writeLong(6).writeInt(4); }));
        anon.expect(22, 0).expect(25, 0);
        anon.in().readBool();
        assertThat(new String(anon.in().readOpaque(16), StandardCharsets.UTF_8)).isEqualTo("over");
    }

    @Test
    void anotherUsersStateidDoesNotLendTheOpensPermissions() throws XdrException {
        confirmClient();
        var r = run(new Compound("", 0).putRootFh().lookup("export").op(18, open(1, 3, "private.txt", true, 1)).getFh());
        r.expect(24, 0).expect(15, 0).expect(18, 0);
        Stateid sid = Stateid.read(r.in());
        skipOpenRest(r);
        r.expect(10, 0);
        byte[] fh = r.in().readOpaque(128);
        var confirmed = run(new Compound("", 0).op(22, w -> w.writeOpaque(fh))
                .op(20, w -> { sid.write(w); w.writeInt(2); }));
        confirmed.expect(22, 0).expect(20, 0);
        Stateid mine = Stateid.read(confirmed.in());
        byte[] data = "secret".getBytes(StandardCharsets.UTF_8);

        // the file is 0600 and alice's: another uid presenting her stateid is refused both ways
        var thief = GatewayFixture.context("127.0.0.1", GatewayFixture.user(3912, 2422));
        run(new Compound("", 0).op(22, w -> w.writeOpaque(fh))
                .op(38, w -> { mine.write(w); w.writeLong(0).writeInt(2).writeOpaque(data); }), thief)
                .expect(22, 0).expect(38, Nfs4Status.ACCESS);
        run(new Compound("", 0).op(22, w -> w.writeOpaque(fh))
                .op(25, w -> { mine.write(w); w.writeLong(0).writeInt(16); }), thief)
                .expect(22, 0).expect(25, Nfs4Status.ACCESS);

        var own = run(new Compound("", 0).op(22, w -> w.writeOpaque(fh))
                .op(38, w -> { mine.write(w); w.writeLong(0).writeInt(2).writeOpaque(data); }));
        own.expect(22, 0).expect(38, 0);
        assertThat(own.in().readInt()).isEqualTo(data.length);
    }

    @Test
    void guardedCreateOfAnExistingNameIsExistAndStaleStateidsAreRefused() throws XdrException {
        confirmClient();
        run(new Compound("", 0).putRootFh().lookup("export").op(18, open(1, 3, "g", true, 1)))
                .expect(24, 0).expect(15, 0).expect(18, 0);
        run(new Compound("", 0).putRootFh().lookup("export").op(18, open(2, 3, "g", true, 1)))
                .expect(24, 0).expect(15, 0).expect(18, Nfs4Status.EXIST);
        // EXIST consumed seqid 2 (RFC 7530 §9.1.7): the same seqid again would be answered EXIST from the replay cache
        run(new Compound("", 0).putRootFh().lookup("export").op(18, open(2, 1, "absent", false, 0)))
                .expect(24, 0).expect(15, 0).expect(18, Nfs4Status.EXIST);
        run(new Compound("", 0).putRootFh().lookup("export").op(18, open(3, 1, "absent", false, 0)))
                .expect(24, 0).expect(15, 0).expect(18, Nfs4Status.NOENT);
        var r = run(new Compound("", 0).putRootFh().lookup("export").lookup("g")
                .op(25, w -> { new Stateid(1, new byte[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}).write(w);
                    w.writeLong(0).writeInt(10); }));
        // its first four bytes are no lock-service epoch this gateway has seen: from another server instance
        r.expect(24, 0).expect(15, 0).expect(15, 0).expect(25, Nfs4Status.STALE_STATEID);
    }

    @Test
    void openWithAnUnconfirmedClientIsStaleClientid() throws XdrException {
        clientId = 12345;
        run(new Compound("", 0).putRootFh().lookup("export").op(18, open(1, 1, "x", true, 0)))
                .expect(24, 0).expect(15, 0).expect(18, Nfs4Status.STALE_CLIENTID);
    }

    @Test
    void openDowngradeOnlyShrinks() throws XdrException {
        confirmClient();
        var r = run(new Compound("", 0).putRootFh().lookup("export").op(18, open(1, 3, "d", true, 0)).getFh());
        r.expect(24, 0).expect(15, 0).expect(18, 0);
        Stateid sid = Stateid.read(r.in());
        skipOpenRest(r);
        r.expect(10, 0);
        byte[] fh = r.in().readOpaque(128);
        // the owner opens for READ as well (same stateid, seqid 2): a downgrade may only go back to a mode it opened with
        run(new Compound("", 0).op(22, w -> w.writeOpaque(fh))
                .op(21, w -> { new Stateid(1, sid.other()).write(w); w.writeInt(2).writeInt(1).writeInt(0); }))
                .expect(22, 0).expect(21, Nfs4Status.INVAL);
        var reopened = run(new Compound("", 0).putRootFh().lookup("export").op(18, open(3, 1, "d", false, 0)));
        reopened.expect(24, 0).expect(15, 0).expect(18, 0);
        assertThat(Stateid.read(reopened.in())).isEqualTo(new Stateid(2, sid.other()));
        var down = run(new Compound("", 0).op(22, w -> w.writeOpaque(fh))
                .op(21, w -> { new Stateid(2, sid.other()).write(w); w.writeInt(4).writeInt(1).writeInt(0); })
                .op(38, w -> { new Stateid(3, sid.other()).write(w); w.writeLong(0).writeInt(2).writeOpaque(new byte[]{1}); }));
        down.expect(22, 0).expect(21, 0);
        assertThat(Stateid.read(down.in()).seqid()).isEqualTo(3);
        down.expect(38, Nfs4Status.OPENMODE);
        run(new Compound("", 0).op(22, w -> w.writeOpaque(fh))
                .op(21, w -> { new Stateid(3, sid.other()).write(w); w.writeInt(5).writeInt(3).writeInt(0); }))
                .expect(22, 0).expect(21, Nfs4Status.INVAL);
        run(new Compound("", 0).op(22, w -> w.writeOpaque(fh))
                .op(25, w -> { sid.write(w); w.writeLong(0).writeInt(1); }))
                .expect(22, 0).expect(25, Nfs4Status.OLD_STATEID);
    }
}
