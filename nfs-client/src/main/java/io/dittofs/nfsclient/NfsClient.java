package io.dittofs.nfsclient;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * NFSv3 + MOUNT v3 over one TCP connection, all 22 procedures. Statuses come back as numbers
 * (see {@link Nfs3}); RPC-level failures throw {@link RpcException}.
 */
public final class NfsClient implements AutoCloseable {

    public static final int MOUNT_PROGRAM = 100005;

    private final RpcClient rpc;

    public NfsClient(String host, int port, RpcClient.Auth auth) throws IOException {
        this.rpc = new RpcClient(host, port, auth);
    }

    public RpcClient rpc() {
        return rpc;
    }

    /** MOUNT MNT: the root handle of {@code path}; throws unless MNT3_OK. */
    public byte[] mount(String path) {
        XdrIn in = body(rpc.call(MOUNT_PROGRAM, 3, 1, new XdrOut().writeString(path).toByteArray()));
        int st = in.readInt();
        if (st != 0) {
            throw new RpcException("MNT " + path + " failed with mountstat3 " + st);
        }
        return in.readOpaque();
    }

    public void unmount(String path) {
        body(rpc.call(MOUNT_PROGRAM, 3, 3, new XdrOut().writeString(path).toByteArray()));
    }

    /** MOUNT EXPORT: the exported paths. */
    public List<String> exports() {
        XdrIn in = body(rpc.call(MOUNT_PROGRAM, 3, 5, new byte[0]));
        List<String> paths = new ArrayList<>();
        while (in.readBool()) {
            paths.add(in.readString());
            while (in.readBool()) {
                in.readString();
            }
        }
        return paths;
    }

    private XdrIn nfs(int proc, XdrOut args) {
        return body(rpc.call(Nfs3.PROGRAM, 3, proc, args.toByteArray()));
    }

    private static XdrIn body(RpcReply r) {
        if (!r.success()) {
            throw new RpcException("RPC not accepted: accepted=" + r.accepted() + " stat=" + r.stat() + " detail=" + r.detail());
        }
        return r.body();
    }

    private static XdrOut fh(byte[] h) {
        return new XdrOut().writeOpaque(h);
    }

    public void nullCall() {
        nfs(0, new XdrOut());
    }

    public Nfs3.AttrReply getattr(byte[] h) {
        XdrIn in = nfs(1, fh(h));
        int st = in.readInt();
        return new Nfs3.AttrReply(st, st == 0 ? Fattr.read(in) : null);
    }

    public Nfs3.AttrReply setattr(byte[] h, Sattr s) {
        XdrOut a = fh(h);
        s.write(a);
        a.writeBool(false);
        XdrIn in = nfs(2, a);
        int st = in.readInt();
        return new Nfs3.AttrReply(st, Fattr.wcc(in));
    }

    public Nfs3.HandleReply lookup(byte[] dir, String name) {
        XdrIn in = nfs(3, fh(dir).writeString(name));
        int st = in.readInt();
        if (st != 0) {
            return new Nfs3.HandleReply(st, null, null);
        }
        byte[] h = in.readOpaque();
        return new Nfs3.HandleReply(st, h, Fattr.postOp(in));
    }

    public Nfs3.AccessReply access(byte[] h, int bits) {
        XdrIn in = nfs(4, fh(h).writeInt(bits));
        int st = in.readInt();
        Fattr.postOp(in);
        return new Nfs3.AccessReply(st, st == 0 ? in.readInt() : 0);
    }

    public Nfs3.ReadLinkReply readlink(byte[] h) {
        XdrIn in = nfs(5, fh(h));
        int st = in.readInt();
        Fattr.postOp(in);
        return new Nfs3.ReadLinkReply(st, st == 0 ? in.readString() : null);
    }

    public Nfs3.ReadReply read(byte[] h, long offset, int count) {
        XdrIn in = nfs(6, fh(h).writeLong(offset).writeInt(count));
        int st = in.readInt();
        Fattr.postOp(in);
        if (st != 0) {
            return new Nfs3.ReadReply(st, 0, false, null);
        }
        int n = in.readInt();
        boolean eof = in.readBool();
        return new Nfs3.ReadReply(st, n, eof, in.readOpaque());
    }

    public Nfs3.WriteReply write(byte[] h, long offset, byte[] data, int stable) {
        XdrIn in = nfs(7, fh(h).writeLong(offset).writeInt(data.length).writeInt(stable).writeOpaque(data));
        int st = in.readInt();
        Fattr after = Fattr.wcc(in);
        if (st != 0) {
            return new Nfs3.WriteReply(st, 0, 0, null, after);
        }
        return new Nfs3.WriteReply(st, in.readInt(), in.readInt(), in.readFixed(8), after);
    }

    private static Nfs3.HandleReply created(XdrIn in) {
        int st = in.readInt();
        if (st != 0) {
            Fattr.wcc(in);
            return new Nfs3.HandleReply(st, null, null);
        }
        byte[] h = in.readBool() ? in.readOpaque() : null;
        Fattr a = Fattr.postOp(in);
        Fattr.wcc(in);
        return new Nfs3.HandleReply(st, h, a);
    }

    /** CREATE UNCHECKED (0) or GUARDED (1) with attributes. */
    public Nfs3.HandleReply create(byte[] dir, String name, int how, Sattr s) {
        XdrOut a = fh(dir).writeString(name).writeInt(how);
        s.write(a);
        return created(nfs(8, a));
    }

    /** CREATE EXCLUSIVE with an 8-byte verifier. */
    public Nfs3.HandleReply createExclusive(byte[] dir, String name, byte[] verifier) {
        return created(nfs(8, fh(dir).writeString(name).writeInt(2).writeFixed(verifier)));
    }

    public Nfs3.HandleReply mkdir(byte[] dir, String name, Sattr s) {
        XdrOut a = fh(dir).writeString(name);
        s.write(a);
        return created(nfs(9, a));
    }

    public Nfs3.HandleReply symlink(byte[] dir, String name, String target) {
        XdrOut a = fh(dir).writeString(name);
        Sattr.NONE.write(a);
        return created(nfs(10, a.writeString(target)));
    }

    /** MKNOD of a FIFO (7) or socket (6); char (4) / block (3) devices with major/minor. */
    public Nfs3.HandleReply mknod(byte[] dir, String name, int ftype, int major, int minor) {
        XdrOut a = fh(dir).writeString(name).writeInt(ftype);
        if (ftype == 3 || ftype == 4) {
            Sattr.NONE.write(a);
            a.writeInt(major).writeInt(minor);
        } else if (ftype == 6 || ftype == 7) {
            Sattr.NONE.write(a);
        }
        return created(nfs(11, a));
    }

    public Nfs3.AttrReply remove(byte[] dir, String name) {
        XdrIn in = nfs(12, fh(dir).writeString(name));
        return new Nfs3.AttrReply(in.readInt(), Fattr.wcc(in));
    }

    public Nfs3.AttrReply rmdir(byte[] dir, String name) {
        XdrIn in = nfs(13, fh(dir).writeString(name));
        return new Nfs3.AttrReply(in.readInt(), Fattr.wcc(in));
    }

    public Nfs3.AttrReply rename(byte[] fromDir, String from, byte[] toDir, String to) {
        XdrIn in = nfs(14, fh(fromDir).writeString(from).writeOpaque(toDir).writeString(to));
        int st = in.readInt();
        Fattr.wcc(in);
        return new Nfs3.AttrReply(st, Fattr.wcc(in));
    }

    public Nfs3.AttrReply link(byte[] file, byte[] dir, String name) {
        XdrIn in = nfs(15, fh(file).writeOpaque(dir).writeString(name));
        int st = in.readInt();
        Fattr a = Fattr.postOp(in);
        Fattr.wcc(in);
        return new Nfs3.AttrReply(st, a);
    }

    public Nfs3.ReadDirReply readdir(byte[] dir, long cookie, byte[] verifier, int count) {
        XdrIn in = nfs(16, fh(dir).writeLong(cookie).writeFixed(verifier).writeInt(count));
        int st = in.readInt();
        Fattr.postOp(in);
        if (st != 0) {
            return new Nfs3.ReadDirReply(st, null, List.of(), false);
        }
        byte[] verf = in.readFixed(8);
        List<Nfs3.Entry> entries = new ArrayList<>();
        while (in.readBool()) {
            entries.add(new Nfs3.Entry(in.readLong(), in.readString(), in.readLong(), null, null));
        }
        return new Nfs3.ReadDirReply(st, verf, entries, in.readBool());
    }

    public Nfs3.ReadDirReply readdirplus(byte[] dir, long cookie, byte[] verifier, int dircount, int maxcount) {
        XdrIn in = nfs(17, fh(dir).writeLong(cookie).writeFixed(verifier).writeInt(dircount).writeInt(maxcount));
        int st = in.readInt();
        Fattr.postOp(in);
        if (st != 0) {
            return new Nfs3.ReadDirReply(st, null, List.of(), false);
        }
        byte[] verf = in.readFixed(8);
        List<Nfs3.Entry> entries = new ArrayList<>();
        while (in.readBool()) {
            long fileid = in.readLong();
            String name = in.readString();
            long cookie2 = in.readLong();
            Fattr a = Fattr.postOp(in);
            byte[] h = in.readBool() ? in.readOpaque() : null;
            entries.add(new Nfs3.Entry(fileid, name, cookie2, a, h));
        }
        return new Nfs3.ReadDirReply(st, verf, entries, in.readBool());
    }

    public Nfs3.FsStatReply fsstat(byte[] h) {
        XdrIn in = nfs(18, fh(h));
        int st = in.readInt();
        Fattr.postOp(in);
        if (st != 0) {
            return new Nfs3.FsStatReply(st, 0, 0, 0, 0, 0, 0);
        }
        return new Nfs3.FsStatReply(st, in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong(),
                in.readLong());
    }

    public Nfs3.FsInfoReply fsinfo(byte[] h) {
        XdrIn in = nfs(19, fh(h));
        int st = in.readInt();
        Fattr.postOp(in);
        if (st != 0) {
            return new Nfs3.FsInfoReply(st, 0, 0, 0, 0, 0, 0, 0);
        }
        int rtmax = in.readInt();
        int rtpref = in.readInt();
        in.readInt();
        int wtmax = in.readInt();
        int wtpref = in.readInt();
        in.readInt();
        int dtpref = in.readInt();
        long maxFile = in.readLong();
        in.readInt();
        in.readInt();
        return new Nfs3.FsInfoReply(st, rtmax, rtpref, wtmax, wtpref, dtpref, maxFile, in.readInt());
    }

    public Nfs3.PathConfReply pathconf(byte[] h) {
        XdrIn in = nfs(20, fh(h));
        int st = in.readInt();
        Fattr.postOp(in);
        if (st != 0) {
            return new Nfs3.PathConfReply(st, 0, 0, false, false, false, false);
        }
        return new Nfs3.PathConfReply(st, in.readInt(), in.readInt(), in.readBool(), in.readBool(), in.readBool(),
                in.readBool());
    }

    public Nfs3.CommitReply commit(byte[] h, long offset, int count) {
        XdrIn in = nfs(21, fh(h).writeLong(offset).writeInt(count));
        int st = in.readInt();
        Fattr.wcc(in);
        return new Nfs3.CommitReply(st, st == 0 ? in.readFixed(8) : null);
    }

    @Override
    public void close() throws IOException {
        rpc.close();
    }
}
