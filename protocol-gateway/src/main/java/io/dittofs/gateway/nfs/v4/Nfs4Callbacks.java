package io.dittofs.gateway.nfs.v4;

import io.dittofs.gateway.locks.LockEvent;
import io.dittofs.gateway.locks.LockEventListener;
import io.dittofs.gateway.nfs.v4.state.ClientStates;
import io.dittofs.gateway.nfs.v4.state.Delegations;
import io.dittofs.gateway.nfs.v4.state.OpenStates;
import io.dittofs.gateway.nfs.v4.state.Session;
import io.dittofs.gateway.rpc.Credential;
import io.dittofs.gateway.rpc.RpcClient;
import io.dittofs.gateway.rpc.RpcReply;
import io.dittofs.gateway.rpc.XdrWriter;
import io.dittofs.gateway.rpc.callback.RpcConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server-to-client side of NFSv4: the callback path of each client and CB_RECALL.
 *
 * <p>4.0 (RFC 7530 §10.2.1): SETCLIENTID names a callback program and a TCP universal address;
 * once SETCLIENTID_CONFIRM succeeds the gateway connects there and sends CB_NULL; the path counts
 * as up when that is answered. 4.1 (RFC 8881 §2.10.3.1): a session with a back channel is the
 * path; callbacks start with CB_SEQUENCE on its slot 0.
 *
 * <p>Recalls come from the lock-service: a conflicting open (of another NFSv4 client, an SMB
 * client, or one made for REMOVE/RENAME/SETATTR) starts a break of the delegation's grant and the
 * lock-service sends a {@link LockEvent.Break} to this gateway; this sends CB_RECALL. A recall the
 * client answers with an error, or that cannot be sent, revokes the delegation at once (RFC 8881
 * §10.4.6 lets the server do so); one answered OK waits for DELEGRETURN until the break deadline,
 * after which the lock-service revokes it.
 */
public final class Nfs4Callbacks implements LockEventListener {

    static final int CB_VERSION = 1;
    private static final int CB_NULL = 0;
    private static final int CB_COMPOUND = 1;
    private static final int OP_CB_GETATTR = 3;
    private static final int OP_CB_RECALL = 4;
    private static final int OP_CB_SEQUENCE = 11;
    private static final Logger log = LoggerFactory.getLogger(Nfs4Callbacks.class);

    /** A 4.0 client's callback as SETCLIENTID gave it; {@code client} once connected and probed. */
    private record Path40(int program, String netid, String addr, int ident, RpcClient client, boolean up) {
    }

    private final ClientStates clients;
    private final OpenStates opens;
    private final RpcConnector connector;
    private final Map<Long, Path40> pending = new ConcurrentHashMap<>();
    private final Map<Long, Path40> active = new ConcurrentHashMap<>();

    /** @param connector opens 4.0 callback connections; null: 4.0 clients get no delegations */
    public Nfs4Callbacks(ClientStates clients, RpcConnector connector) {
        this.clients = clients;
        this.opens = clients.openStates();
        this.connector = connector;
    }

    /** SETCLIENTID: the callback to use once this client id is confirmed. */
    public void offered40(long clientId, int program, String netid, String addr, int ident) {
        pending.put(clientId, new Path40(program, netid, addr, ident, null, false));
    }

    /** SETCLIENTID_CONFIRM succeeded: connect to the offered callback and probe it with CB_NULL. */
    public void confirmed40(long clientId) {
        Path40 p = pending.remove(clientId);
        if (p == null) {
            return;
        }
        // the callbacks of clients that are gone (expired, replaced) are dropped here, their connections closed
        for (Long other : active.keySet()) {
            if (other != clientId && !clients.knownHere(other)) {
                forget(other);
            }
        }
        pending.keySet().removeIf(other -> !clients.knownHere(other));
        Path40 old = active.put(clientId, p);
        if (old != null && old.client() instanceof io.dittofs.gateway.rpc.callback.ChannelRpcClient ch) {
            ch.channel().close();
        }
        Optional<InetSocketAddress> address = address(p.netid(), p.addr());
        if (connector == null || address.isEmpty()) {
            log.debug("client {}: no usable callback address {} {}", Long.toHexString(clientId), p.netid(), p.addr());
            return;
        }
        connector.connect(address.get()).thenCompose(client -> client.call(p.program(), CB_VERSION, CB_NULL,
                        new Credential.None(), w -> { }).thenApply(reply -> {
                            if (reply.status().success()) {
                                active.computeIfPresent(clientId, (k, cur) -> cur == p
                                        ? new Path40(p.program(), p.netid(), p.addr(), p.ident(), client, true) : cur);
                            }
                            return reply;
                        }))
                .whenComplete((reply, failure) -> {
                    if (failure != null) {
                        log.debug("CB_NULL to client {} at {} failed: {}", Long.toHexString(clientId), p.addr(),
                                failure.toString());
                    }
                });
    }

    /** Whether callbacks reach the client: the condition for handing out a delegation. */
    public boolean pathUp(long clientId, int minor) {
        if (minor >= 1) {
            return !clients.callbackSessions(clientId).isEmpty();
        }
        Path40 p = active.get(clientId);
        return p != null && p.up();
    }

    /** 4.0 RENEW answers CB_PATH_DOWN while the client holds delegations its callback cannot reach. */
    public boolean pathDownWithDelegations(long clientId) {
        if (!opens.delegations().anyOf(clientId)) {
            return false;
        }
        Path40 p = active.get(clientId);
        if (p == null || !p.up()) {
            return true;
        }
        return p.client() instanceof io.dittofs.gateway.rpc.callback.ChannelRpcClient ch && !ch.channel().isActive();
    }

    /** The 4.0 client was replaced or expired. */
    public void forget(long clientId) {
        pending.remove(clientId);
        Path40 p = active.remove(clientId);
        if (p != null && p.client() instanceof io.dittofs.gateway.rpc.callback.ChannelRpcClient ch) {
            ch.channel().close();
        }
    }

    @Override
    public void onEvent(LockEvent event) {
        if (event instanceof LockEvent.Break b) {
            if (!opens.delegations().known(b.grantId())) {
                adopt(b);
            }
            opens.delegations().recalling(b.grantId(), b.deadlineEpochMs()).ifPresent(this::recall);
        }
    }

    /** A break for a grant this gateway does not know: an NFSv4 client's delegation from before a gateway restart? */
    private void adopt(LockEvent.Break b) {
        if (b.leaseKey().length != 0) {
            return;
        }
        long clientId = clients.clientIdOf(b.client());
        if (clientId == -1) {
            return;
        }
        try {
            opens.adoptDelegation(b.grantId(), clientId, clients.lockClient(clientId),
                    io.dittofs.gateway.fs.model.Handle.of(b.file()), (b.currentBits() & 2) != 0);
        } catch (IllegalArgumentException e) {
            log.debug("break for grant {} names no file handle: {}", java.util.HexFormat.of().formatHex(b.grantId()),
                    e.toString());
        }
    }

    /** Sends CB_RECALL; an error answer or no way to send it revokes the delegation. */
    public CompletableFuture<Integer> recall(Delegations.Deleg d) {
        CompletableFuture<Integer> sent = send(d);
        return sent.handle((status, failure) -> {
            int st = failure != null ? -1 : status;
            if (st != Nfs4Status.OK) {
                log.info("CB_RECALL of delegation {} to client {} failed ({}): revoked",
                        java.util.HexFormat.of().formatHex(d.other()), Long.toHexString(d.clientId()),
                        failure != null ? failure.toString() : "status " + st);
                opens.revokeDelegation(d.other());
                // a 4.0 client learns from RENEW that its callback path is down (RFC 7530 §16.32.5)
                active.computeIfPresent(d.clientId(), (k, p) -> new Path40(p.program(), p.netid(), p.addr(), p.ident(),
                        p.client(), false));
            }
            return st;
        });
    }

    private CompletableFuture<Integer> send(Delegations.Deleg d) {
        return call(d, w -> recallOp(w, d)).thenApply(reply -> reply == null ? -1 : status(reply));
    }

    /**
     * CB_COMPOUND with one operation to the delegation's client: after CB_SEQUENCE on a 4.1+
     * session's back channel, alone on a 4.0 callback path; null when no path leads there.
     */
    private CompletableFuture<RpcReply> call(Delegations.Deleg d, java.util.function.Consumer<XdrWriter> op) {
        var client = clients.client(d.clientId());
        if (client.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        List<Session> sessions = clients.callbackSessions(d.clientId());
        if (!sessions.isEmpty()) {
            Session s = sessions.get(0);
            RpcClient back = s.backChannel().orElseThrow();
            return s.nextCallback(seq -> back.call(s.callbackProgram(), CB_VERSION, CB_COMPOUND, s.callbackCredential(),
                    w -> {
                        header(w, s.minor(), 0, 2);
                        w.writeInt(OP_CB_SEQUENCE).writeFixedOpaque(s.id()).writeInt(seq).writeInt(0).writeInt(0)
                                .writeBool(false).writeInt(0);
                        op.accept(w);
                    }));
        }
        Path40 p = active.get(d.clientId());
        if (p == null || p.client() == null) {
            return CompletableFuture.completedFuture(null);
        }
        return p.client().call(p.program(), CB_VERSION, CB_COMPOUND,
                new Credential.Sys(0, "dittofs", 0, 0, List.of()), w -> {
                    header(w, 0, p.ident(), 1);
                    op.accept(w);
                });
    }

    /** What the holder of a write delegation says about the file: its change and size (RFC 8881 §20.1). */
    public record HolderAttrs(long change, long size) {
    }

    /**
     * CB_GETATTR of change and size to the holder of write delegation {@code d}; empty when the
     * client answered an error, answered without both attributes, or could not be reached.
     */
    public CompletableFuture<Optional<HolderAttrs>> getattr(Delegations.Deleg d) {
        return call(d, w -> {
            w.writeInt(OP_CB_GETATTR).writeOpaque(d.handle().bytes());
            io.dittofs.gateway.nfs.v4.attr.Bitmap.of(io.dittofs.gateway.nfs.v4.attr.Fattr4.CHANGE,
                    io.dittofs.gateway.nfs.v4.attr.Fattr4.SIZE).write(w);
        }).handle((reply, failure) -> failure != null || reply == null ? Optional.<HolderAttrs>empty()
                : holderAttrs(reply));
    }

    /** Reads CB_COMPOUND4res down to CB_GETATTR's change and size (the first two values of its fattr4, in bit order). */
    static Optional<HolderAttrs> holderAttrs(RpcReply reply) {
        if (!reply.status().success()) {
            return Optional.empty();
        }
        try {
            var in = new io.dittofs.gateway.rpc.XdrReader(io.netty.buffer.Unpooled.wrappedBuffer(reply.results()));
            if (in.readInt() != Nfs4Status.OK) {
                return Optional.empty();
            }
            in.readOpaque(1024);
            long count = in.readUnsignedInt();
            for (long i = 0; i < count; i++) {
                int opcode = in.readInt();
                if (in.readInt() != Nfs4Status.OK) {
                    return Optional.empty();
                }
                if (opcode == OP_CB_SEQUENCE) {
                    in.skip(16 + 4 * 4);
                } else if (opcode == OP_CB_GETATTR) {
                    var bits = io.dittofs.gateway.nfs.v4.attr.Bitmap.read(in);
                    byte[] values = in.readOpaque(64 * 1024);
                    int first = bits.bits() == 0 ? -1 : java.util.stream.IntStream.range(0, bits.bits())
                            .filter(bits::has).findFirst().orElse(-1);
                    // change (3) and size (4) must be there and nothing before them, whose size would be needed
                    if (first != io.dittofs.gateway.nfs.v4.attr.Fattr4.CHANGE
                            || !bits.has(io.dittofs.gateway.nfs.v4.attr.Fattr4.SIZE) || values.length < 16) {
                        return Optional.empty();
                    }
                    var v = ByteBuffer.wrap(values);
                    return Optional.of(new HolderAttrs(v.getLong(), v.getLong()));
                } else {
                    return Optional.empty();
                }
            }
            return Optional.empty();
        } catch (io.dittofs.gateway.rpc.XdrException e) {
            return Optional.empty();
        }
    }

    private static void header(XdrWriter w, int minor, int ident, int ops) {
        w.writeString("").writeInt(minor).writeInt(ident).writeInt(ops);
    }

    private static void recallOp(XdrWriter w, Delegations.Deleg d) {
        w.writeInt(OP_CB_RECALL);
        new Stateid(1, d.other()).write(w);
        w.writeBool(false).writeOpaque(d.handle().bytes());
    }

    /** The CB_COMPOUND status, or -1 when the RPC itself failed. */
    private static int status(RpcReply reply) {
        if (!reply.status().success() || reply.results().length < 4) {
            return -1;
        }
        return ByteBuffer.wrap(reply.results()).getInt();
    }

    /** A universal address (RFC 5665: h1.h2.h3.h4.p1.p2, or IPv6 with the two port octets last) over TCP. */
    static Optional<InetSocketAddress> address(String netid, String uaddr) {
        if (!"tcp".equals(netid) && !"tcp6".equals(netid)) {
            return Optional.empty();
        }
        int last = uaddr.lastIndexOf('.');
        int prev = last < 0 ? -1 : uaddr.lastIndexOf('.', last - 1);
        if (prev <= 0) {
            return Optional.empty();
        }
        try {
            int port = Integer.parseInt(uaddr.substring(prev + 1, last)) * 256 + Integer.parseInt(uaddr.substring(last + 1));
            String host = uaddr.substring(0, prev);
            if (port <= 0 || port > 65535 || host.isEmpty()) {
                return Optional.empty();
            }
            // literal addresses only: a callback address naming a host is not resolved (no DNS lookups on a client's word)
            if (!host.matches("\\d{1,3}(\\.\\d{1,3}){3}") && !host.contains(":")) {
                return Optional.empty();
            }
            return Optional.of(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (NumberFormatException | UnknownHostException e) {
            return Optional.empty();
        }
    }
}
