package io.dittofs.gateway.nfs.portmap;

import io.dittofs.gateway.rpc.CallContext;
import io.dittofs.gateway.rpc.Outcome;
import io.dittofs.gateway.rpc.RpcCall;
import io.dittofs.gateway.rpc.RpcProgram;
import io.dittofs.gateway.rpc.RpcRegistry;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;
import java.net.InetAddress;
import java.util.function.IntSupplier;

/**
 * Embedded portmapper / rpcbind, program 100000: v2 (RFC 1833 §3: GETPORT, DUMP) and v3/v4
 * (GETADDR, DUMP, GETTIME). It advertises exactly what the server's {@link RpcRegistry} answers,
 * all on the NFS port; SET/UNSET from others are refused. GETADDR and DUMP answer the address the
 * client connected to, so a server bound to 0.0.0.0 hands out an address the client can reach.
 */
public final class PortmapProgram implements RpcProgram {

    public static final int PROGRAM = 100000;
    static final int IPPROTO_TCP = 6;
    static final int IPPROTO_UDP = 17;

    private final RpcRegistry registry;
    private final IntSupplier nfsPort;
    private final String fallbackHost;
    private final boolean udp;

    /**
     * @param registry     the programs served on the NFS port (this one included)
     * @param fallbackHost the address for universal addresses when the local address is unknown
     *                     (UDP on a wildcard socket), e.g. 127.0.0.1
     * @param udp          whether the NFS port also serves UDP
     */
    public PortmapProgram(RpcRegistry registry, IntSupplier nfsPort, String fallbackHost, boolean udp) {
        this.registry = registry;
        this.nfsPort = nfsPort;
        this.fallbackHost = fallbackHost;
        this.udp = udp;
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
            return call.version() == 2 ? v2(call.procedure(), in, out) : rpcbind(ctx, call.procedure(), in, out);
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
                boolean known = (prot == IPPROTO_TCP || (prot == IPPROTO_UDP && udp))
                        && registry.lookup(prog, vers) != null;
                out.writeInt(known ? nfsPort.getAsInt() : 0);
            }
            case 4 -> {
                for (RpcRegistry.Registration m : registry.registrations()) {
                    for (int prot : udp ? new int[] {IPPROTO_TCP, IPPROTO_UDP} : new int[] {IPPROTO_TCP}) {
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

    private Outcome rpcbind(CallContext ctx, int proc, XdrReader in, XdrWriter out) throws XdrException {
        switch (proc) {
            case 0 -> {
            }
            case 1, 2 -> {
                readRpcb(in);
                out.writeBool(false);
            }
            case 3 -> {
                Rpcb q = readRpcb(in);
                boolean known = (q.netid().isEmpty() || q.netid().startsWith("tcp") || (udp && q.netid().startsWith("udp")))
                        && registry.lookup(q.program(), q.version()) != null;
                out.writeString(known ? uaddr(ctx) : "");
            }
            case 4 -> {
                String uaddr = uaddr(ctx);
                for (RpcRegistry.Registration m : registry.registrations()) {
                    for (String netid : udp ? new String[] {"tcp", "udp"} : new String[] {"tcp"}) {
                        out.writeBool(true).writeInt(m.program()).writeInt(m.version()).writeString(netid)
                                .writeString(uaddr).writeString("superuser");
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

    /** Universal address (RFC 5665 §5.2.3.3/4) of the NFS port on the address the client reached. */
    String uaddr(CallContext ctx) {
        int p = nfsPort.getAsInt();
        String host = ctx.localAddress().map(InetAddress::getHostAddress).orElse(fallbackHost);
        int scope = host.indexOf('%');
        if (scope >= 0) {
            host = host.substring(0, scope);
        }
        return host + "." + (p >> 8) + "." + (p & 0xff);
    }
}
