package io.dittofs.nfsclient;

import java.io.IOException;

/**
 * A small NLM version 4 client (RFC 1813 Appendix II) over the NFS port: enough to take, test and
 * release byte-range locks from tests and tools. One host name per client.
 */
public final class NlmClient implements AutoCloseable {

    public static final int PROGRAM = 100021;
    public static final int VERSION = 4;
    public static final int GRANTED = 0;
    public static final int DENIED = 1;
    public static final int BLOCKED = 3;

    /** TEST's answer: the status, and when DENIED the holder's svid and range. */
    public record TestResult(int stat, int holderSvid, long holderOffset, long holderLength, boolean exclusive) {
    }

    private final RpcClient rpc;
    private final String host;

    public NlmClient(String server, int port, String callerName) throws IOException {
        this.rpc = new RpcClient(server, port, RpcClient.Auth.sys(0, 0));
        this.host = callerName;
    }

    private XdrOut lock(XdrOut out, byte[] fh, int svid, long offset, long length) {
        return out.writeString(host).writeOpaque(fh).writeOpaque(owner(svid)).writeInt(svid).writeLong(offset)
                .writeLong(length);
    }

    private byte[] owner(int svid) {
        return (host + "/" + svid).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private int res(int proc, XdrOut args) {
        RpcReply r = rpc.call(PROGRAM, VERSION, proc, args.toByteArray());
        if (!r.success()) {
            throw new RpcException("NLM proc " + proc + " not accepted: stat " + r.stat());
        }
        r.body().readOpaque();
        return r.body().readInt();
    }

    public int lock(byte[] fh, int svid, long offset, long length, boolean exclusive, boolean block) {
        XdrOut a = new XdrOut().writeOpaque(new byte[] {1}).writeBool(block).writeBool(exclusive);
        return res(2, lock(a, fh, svid, offset, length).writeBool(false).writeInt(1));
    }

    public TestResult test(byte[] fh, int svid, long offset, long length, boolean exclusive) {
        XdrOut a = lock(new XdrOut().writeOpaque(new byte[] {2}).writeBool(exclusive), fh, svid, offset, length);
        RpcReply r = rpc.call(PROGRAM, VERSION, 1, a.toByteArray());
        if (!r.success()) {
            throw new RpcException("NLM TEST not accepted: stat " + r.stat());
        }
        XdrIn in = r.body();
        in.readOpaque();
        int stat = in.readInt();
        if (stat != DENIED) {
            return new TestResult(stat, 0, 0, 0, false);
        }
        boolean excl = in.readBool();
        int holder = in.readInt();
        in.readOpaque();
        return new TestResult(stat, holder, in.readLong(), in.readLong(), excl);
    }

    public int cancel(byte[] fh, int svid, long offset, long length, boolean exclusive) {
        XdrOut a = new XdrOut().writeOpaque(new byte[] {3}).writeBool(true).writeBool(exclusive);
        return res(3, lock(a, fh, svid, offset, length));
    }

    public int unlock(byte[] fh, int svid, long offset, long length) {
        return res(4, lock(new XdrOut().writeOpaque(new byte[] {4}), fh, svid, offset, length));
    }

    /** FREE_ALL: this host restarted; everything it held goes. */
    public void freeAll(int state) {
        RpcReply r = rpc.call(PROGRAM, VERSION, 23, new XdrOut().writeString(host).writeInt(state).toByteArray());
        if (!r.success()) {
            throw new RpcException("NLM FREE_ALL not accepted: stat " + r.stat());
        }
    }

    @Override
    public void close() throws IOException {
        rpc.close();
    }
}
