package io.dittofs.gateway.nfs.portmap;

import io.dittofs.gateway.rpc.CallContext;
import io.dittofs.gateway.rpc.Outcome;
import io.dittofs.gateway.rpc.RpcCall;
import io.dittofs.gateway.rpc.RpcProgram;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Embedded portmapper / rpcbind, program 100000: v2 (RFC 1833 §3: GETPORT, DUMP) and v3/v4
 * (GETADDR, DUMP, GETTIME). It only knows the programs of this gateway, all on the NFS port;
 * SET/UNSET from others are refused.
 */
public final class PortmapProgram implements RpcProgram {

    public static final int PROGRAM = 100000;
    static final int IPPROTO_TCP = 6;
    static final int IPPROTO_UDP = 17;

    /** A registered program version. */
    public record Mapping(int program, int version) {
    }

    private final List<Mapping> mappings;
    private final IntSupplier nfsPort;
    private final String host;

    /** @param host the address clients reach (for universal addresses), e.g. 127.0.0.1 */
    public PortmapProgram(List<Mapping> mappings, IntSupplier nfsPort, String host) {
        this.mappings = List.copyOf(mappings);
        this.nfsPort = nfsPort;
        this.host = host;
    }

    @Override
    public int program() {
        return PROGRAM;
    }

    @Override
    public int lowVersion() {
        return 2;
    }

    @Override
    public int highVersion() {
        return 4;
    }

    @Override
    public boolean nonIdempotent(int version, int procedure) {
        return false;
    }

    @Override
    public Outcome call(CallContext ctx, RpcCall call, XdrWriter out) {
        XdrReader in = new XdrReader(call.args());
        try {
            return call.version() == 2 ? v2(call.procedure(), in, out) : rpcbind(call.procedure(), in, out);
        } catch (XdrException e) {
            return Outcome.GARBAGE_ARGS;
        }
    }

    private Outcome v2(int proc, XdrReader in, XdrWriter out) throws XdrException {
        switch (proc) {
            case 0 -> {
            }
            case 1, 2 -> {
                in.skip(16);
                out.writeBool(false);
            }
            case 3 -> {
                int prog = in.readInt();
                int vers = in.readInt();
                int prot = in.readInt();
                in.readInt();
                boolean known = (prot == IPPROTO_TCP || prot == IPPROTO_UDP)
                        && mappings.stream().anyMatch(m -> m.program() == prog && m.version() == vers);
                out.writeInt(known ? nfsPort.getAsInt() : 0);
            }
            case 4 -> {
                for (Mapping m : mappings) {
                    for (int prot : new int[] {IPPROTO_TCP, IPPROTO_UDP}) {
                        out.writeBool(true).writeInt(m.program()).writeInt(m.version()).writeInt(prot)
                                .writeInt(nfsPort.getAsInt());
                    }
                }
                out.writeBool(false);
            }
            default -> {
                return Outcome.PROC_UNAVAIL;
            }
        }
        return Outcome.SUCCESS;
    }

    private Outcome rpcbind(int proc, XdrReader in, XdrWriter out) throws XdrException {
        switch (proc) {
            case 0 -> {
            }
            case 1, 2 -> {
                readRpcb(in);
                out.writeBool(false);
            }
            case 3 -> {
                Rpcb q = readRpcb(in);
                boolean known = (q.netid().isEmpty() || q.netid().startsWith("tcp") || q.netid().startsWith("udp"))
                        && mappings.stream().anyMatch(m -> m.program() == q.program() && m.version() == q.version());
                out.writeString(known ? uaddr() : "");
            }
            case 4 -> {
                for (Mapping m : mappings) {
                    for (String netid : new String[] {"tcp", "udp"}) {
                        out.writeBool(true).writeInt(m.program()).writeInt(m.version()).writeString(netid)
                                .writeString(uaddr()).writeString("superuser");
                    }
                }
                out.writeBool(false);
            }
            case 6 -> out.writeInt((int) (System.currentTimeMillis() / 1000));
            default -> {
                return Outcome.PROC_UNAVAIL;
            }
        }
        return Outcome.SUCCESS;
    }

    private record Rpcb(int program, int version, String netid) {
    }

    private static Rpcb readRpcb(XdrReader in) throws XdrException {
        int prog = in.readInt();
        int vers = in.readInt();
        String netid = in.readString(64);
        in.readString(256);
        in.readString(256);
        return new Rpcb(prog, vers, netid);
    }

    /** Universal address (RFC 5665 §5.2.3.3): h1.h2.h3.h4.p1.p2. */
    String uaddr() {
        int p = nfsPort.getAsInt();
        return host + "." + (p >> 8) + "." + (p & 0xff);
    }
}
