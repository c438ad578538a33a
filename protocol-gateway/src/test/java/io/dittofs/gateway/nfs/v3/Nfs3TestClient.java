package io.dittofs.gateway.nfs.v3;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.gateway.fixture.GatewayFixture;
import io.dittofs.gateway.rpc.CallContext;
import io.dittofs.gateway.rpc.Outcome;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;
import java.util.function.Consumer;

/** Encodes NFSv3 and MOUNT arguments and decodes the results the tests look at (RFC 1813). */
final class Nfs3TestClient {

    /** The fattr3 fields tests assert on. */
    record Fattr(int type, int mode, int nlink, int uid, int gid, long size, long fileid) {
    }

    /** A status plus the handle some results carry (null when absent). */
    record Made(int status, byte[] handle) {
    }

    private final GatewayFixture fixture;
    final CallContext ctx;

    Nfs3TestClient(GatewayFixture fixture, CallContext ctx) {
        this.fixture = fixture;
        this.ctx = ctx;
    }

    Nfs3TestClient as(CallContext other) {
        return new Nfs3TestClient(fixture, other);
    }

    GatewayFixture.Reply call(int proc, Consumer<XdrWriter> args) {
        GatewayFixture.Reply r = fixture.call(fixture.nfs, proc, ctx, args);
        assertThat(r.outcome()).isEqualTo(Outcome.SUCCESS);
        return r;
    }

    /** MNT; the root handle of the share at {@code path}. */
    byte[] mount(String path) throws XdrException {
        var r = fixture.call(fixture.mount, 1, ctx, w -> w.writeString(path));
        XdrReader in = r.body();
        assertThat(in.readInt()).as("mountstat3 for " + path).isZero();
        return in.readOpaque(64);
    }

    // ---------------------------------------------------------------- decoding

    static Fattr fattr(XdrReader in) throws XdrException {
        int type = in.readInt();
        int mode = in.readInt();
        int nlink = in.readInt();
        int uid = in.readInt();
        int gid = in.readInt();
        long size = in.readLong();
        in.readLong();
        in.readInt();
        in.readInt();
        in.readLong();
        long fileid = in.readLong();
        in.skip(24);
        return new Fattr(type, mode, nlink, uid, gid, size, fileid);
    }

    static Fattr postOpAttr(XdrReader in) throws XdrException {
        return in.readBool() ? fattr(in) : null;
    }

    /** wcc_data; returns the post-op attributes. */
    static Fattr wcc(XdrReader in) throws XdrException {
        if (in.readBool()) {
            in.skip(24);
        }
        return postOpAttr(in);
    }

    static byte[] postOpFh(XdrReader in) throws XdrException {
        return in.readBool() ? in.readOpaque(64) : null;
    }

    // ---------------------------------------------------------------- encoding

    /** sattr3 setting only the mode (or nothing with -1). */
    static void sattr(XdrWriter w, int mode) {
        if (mode >= 0) {
            w.writeBool(true).writeInt(mode);
        } else {
            w.writeBool(false);
        }
        w.writeBool(false).writeBool(false).writeBool(false).writeInt(0).writeInt(0);
    }

    static void sattrSize(XdrWriter w, long size) {
        w.writeBool(false).writeBool(false).writeBool(false).writeBool(true).writeLong(size).writeInt(0).writeInt(0);
    }

    // ---------------------------------------------------------------- operations

    int getAttrStatus(byte[] fh) throws XdrException {
        return call(1, w -> w.writeOpaque(fh)).body().readInt();
    }

    Fattr getAttr(byte[] fh) throws XdrException {
        XdrReader in = call(1, w -> w.writeOpaque(fh)).body();
        assertThat(in.readInt()).isEqualTo(Nfs3Status.OK);
        return fattr(in);
    }

    Made lookup(byte[] dir, String name) throws XdrException {
        XdrReader in = call(3, w -> w.writeOpaque(dir).writeString(name)).body();
        int st = in.readInt();
        return new Made(st, st == Nfs3Status.OK ? in.readOpaque(64) : null);
    }

    /** CREATE GUARDED with a mode. */
    Made create(byte[] dir, String name, int mode) throws XdrException {
        XdrReader in = call(8, w -> {
            w.writeOpaque(dir).writeString(name).writeInt(1);
            sattr(w, mode);
        }).body();
        return made(in);
    }

    Made mkdir(byte[] dir, String name) throws XdrException {
        XdrReader in = call(9, w -> {
            w.writeOpaque(dir).writeString(name);
            sattr(w, 0755);
        }).body();
        return made(in);
    }

    static Made made(XdrReader in) throws XdrException {
        int st = in.readInt();
        byte[] fh = st == Nfs3Status.OK ? postOpFh(in) : null;
        return new Made(st, fh);
    }

    /** WRITE; the status, then (when OK) count, committed and verifier stay readable in the reply. */
    XdrReader write(byte[] fh, long offset, byte[] data, int stable) {
        return call(7, w -> w.writeOpaque(fh).writeLong(offset).writeInt(data.length).writeInt(stable).writeOpaque(data)).body();
    }

    int writeStatus(byte[] fh, long offset, byte[] data) throws XdrException {
        return write(fh, offset, data, 2).readInt();
    }

    int remove(byte[] dir, String name) throws XdrException {
        return call(12, w -> w.writeOpaque(dir).writeString(name)).body().readInt();
    }
}
