package io.dittofs.gateway.smb.server;

import io.dittofs.contracts.grpc.TraceIds;
import io.dittofs.gateway.access.ShareGate;
import io.dittofs.gateway.metrics.ProtocolOps;
import io.dittofs.gateway.share.ShareRegistry;
import io.dittofs.gateway.smb.auth.NtHashSource;
import io.dittofs.gateway.smb.transport.DirectTcpFraming;
import io.dittofs.gateway.smb.wire.Dialect;
import io.dittofs.gateway.smb.wire.EchoMessage;
import io.dittofs.gateway.smb.wire.LogoffMessage;
import io.dittofs.gateway.smb.wire.NegotiateRequest;
import io.dittofs.gateway.smb.wire.NegotiateResponse;
import io.dittofs.gateway.smb.wire.NtStatus;
import io.dittofs.gateway.smb.wire.Smb1Negotiate;
import io.dittofs.gateway.smb.wire.Smb2Command;
import io.dittofs.gateway.smb.wire.Smb2Frame;
import io.dittofs.gateway.smb.wire.Smb2Header;
import io.dittofs.gateway.smb.wire.Smb2Packet;
import io.dittofs.gateway.smb.wire.WireException;
import io.dittofs.gateway.transport.Connection;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each direct-TCP frame into responses: the SMB1 negotiate upgrade, then SMB2 messages one
 * by one in compound order, answered in one compounded frame. Frames of one connection run one
 * after another off the event loop (authentication asks the control plane). A frame that does not
 * decode or breaks the protocol's order (a second NEGOTIATE, a command before NEGOTIATE, a
 * response sent to the server) closes the connection (MS-SMB2 3.3.5.2). Commands not implemented
 * yet are answered with an error, never with a fake success.
 */
final class SmbFrameHandler extends SimpleChannelInboundHandler<byte[]> {

    private static final Logger log = LoggerFactory.getLogger(SmbFrameHandler.class);
    private static final long SAME_SESSION = -1L;
    private static final int SAME_TREE = -1;
    private static final AtomicLong CONNECTIONS = new AtomicLong();

    private final SmbServerSettings settings;
    private final Executor executor;
    private final NegotiateCommand negotiate;
    private final SmbConnectionState state = new SmbConnectionState();
    private final SessionTable sessions;
    private final SessionSetupCommand sessionSetup;
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
    private Connection connection;

    private final ShareRegistry shares;
    private final ShareGate gate;
    private TreeCommands trees;
    private final ProtocolOps ops;
    private String traceTag = "s0";

    SmbFrameHandler(SmbServerSettings settings, NtHashSource users, ShareRegistry shares, ShareGate gate,
                    Executor executor) {
        this(settings, users, shares, gate, executor, ProtocolOps.DISABLED);
    }

    SmbFrameHandler(SmbServerSettings settings, NtHashSource users, ShareRegistry shares, ShareGate gate,
                    Executor executor, ProtocolOps ops) {
        this.ops = ops;
        this.shares = shares;
        this.gate = gate;
        this.settings = settings;
        this.executor = executor;
        this.negotiate = new NegotiateCommand(settings);
        this.sessions = new SessionTable(settings.maxSessions());
        this.sessionSetup = new SessionSetupCommand(settings, users, state, sessions);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        connection = Connection.of(ctx.channel());
        InetAddress client = ctx.channel().remoteAddress() instanceof InetSocketAddress a ? a.getAddress() : null;
        trees = new TreeCommands(shares, gate, client);
        traceTag = "s" + Long.toHexString(CONNECTIONS.incrementAndGet());
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, byte[] frame) {
        if (connection != null) {
            connection.requestStarted();
        }
        // one frame at a time per connection, in arrival order
        tail = tail.thenRunAsync(() -> process(ctx, frame), executor).exceptionally(e -> {
            log.warn("SMB frame from {} failed", ctx.channel().remoteAddress(), e);
            ctx.close();
            return null;
        });
    }

    private void process(ChannelHandlerContext ctx, byte[] frame) {
        byte[] reply = null;
        boolean close = false;
        try {
            reply = Smb1Negotiate.isSmb1(frame) ? smb1(frame) : smb2(frame);
        } catch (WireException | ProtocolViolation e) {
            log.debug("closing SMB connection from {}: {}", ctx.channel().remoteAddress(), e.getMessage());
            close = true;
        }
        byte[] out = reply;
        ops.bytes(frame.length, out == null ? 0 : out.length);
        boolean closing = close;
        ctx.channel().eventLoop().execute(() -> {
            if (out != null) {
                if (connection != null) {
                    connection.writeAndFlush(ctx, DirectTcpFraming.frame(out));
                } else {
                    ctx.writeAndFlush(DirectTcpFraming.frame(out));
                }
            }
            if (connection != null) {
                connection.requestFinished();
            }
            if (closing) {
                ctx.close();
            }
        });
    }

    private byte[] smb1(byte[] frame) throws WireException, ProtocolViolation {
        if (state.negotiated()) {
            throw new ProtocolViolation("SMB1 negotiate after SMB2 negotiation");
        }
        int dialect = Smb1Negotiate.decode(frame).upgradeDialect();
        if (dialect == 0) {
            throw new ProtocolViolation("SMB1 negotiate without an SMB2 dialect");
        }
        Smb2Header h = new Smb2Header(0, 0, Smb2Command.NEGOTIATE.code(), 1, 0, 0, 0, 0, 0, 0, 0, null);
        NegotiateResponse resp = negotiate.wildcard(dialect);
        if (dialect == Dialect.SMB_2_0_2) {
            state.negotiated(dialect, 0, new byte[16], 0, -1);
        }
        return Replies.message(h.reply(NtStatus.SUCCESS, 1, 0), resp::encode, null).message();
    }

    private byte[] smb2(byte[] frame) throws WireException, ProtocolViolation {
        List<Smb2Packet> packets = Smb2Frame.split(frame, settings.maxCompound());
        List<Reply> replies = new ArrayList<>(packets.size());
        long previousSession = 0;
        int previousTree = 0;
        for (Smb2Packet p : packets) {
            Smb2Header h = p.header();
            if (h.related()) {
                // related operations inherit the session and tree of the one before (MS-SMB2 3.3.5.2.7.2)
                h = h.withSession(h.sessionId() == SAME_SESSION ? previousSession : h.sessionId(),
                        h.treeId() == SAME_TREE ? previousTree : h.treeId());
            }
            Reply reply = observed(new Smb2Packet(h, p.raw()), h, packets.size());
            previousSession = h.sessionId();
            previousTree = h.treeId();
            if (reply != null) {
                replies.add(reply);
            }
        }
        return replies.isEmpty() ? null : Replies.assemble(replies);
    }

    /** One message with its trace id ({@code s<connection>-<message id>}) in the MDC, timed by command and status. */
    private Reply observed(Smb2Packet p, Smb2Header h, int compoundSize) throws WireException, ProtocolViolation {
        long started = ops.begin();
        int status = ProtocolOps.DROPPED;
        try (TraceIds.Scope trace = TraceIds.open(traceTag + "-" + Long.toHexString(h.messageId()))) {
            Reply reply = dispatch(p, h, compoundSize);
            status = reply == null ? ProtocolOps.NO_REPLY : status(reply.message());
            return reply;
        } finally {
            if (started != 0) {
                ops.end(h.command(), status, started);
            }
        }
    }

    /** The NTSTATUS of a response message (MS-SMB2 2.2.1.2: little-endian at offset 8). */
    private static int status(byte[] message) {
        return message.length < 12 ? ProtocolOps.DROPPED
                : (message[8] & 0xff) | (message[9] & 0xff) << 8 | (message[10] & 0xff) << 16 | (message[11] & 0xff) << 24;
    }

    private Reply dispatch(Smb2Packet p, Smb2Header h, int compoundSize) throws WireException, ProtocolViolation {
        if (h.response()) {
            throw new ProtocolViolation("a response sent to the server");
        }
        Smb2Command cmd = h.knownCommand();
        if (cmd == Smb2Command.NEGOTIATE) {
            return negotiate(p, compoundSize);
        }
        if (!state.negotiated()) {
            throw new ProtocolViolation("command " + h.command() + " before NEGOTIATE");
        }
        int credits = grant(h);
        if (cmd == null) {
            return Replies.error(h, NtStatus.INVALID_PARAMETER, credits);
        }
        switch (cmd) {
            case SESSION_SETUP:
                return sessionSetup.handle(p, credits);
            case ECHO:
                EchoMessage.decode(p.body());
                return Replies.message(h.reply(NtStatus.SUCCESS, credits, 0), new EchoMessage()::encode, null);
            case CANCEL:
                // no response (MS-SMB2 3.3.5.16); nothing runs asynchronously yet
                return null;
            default:
                break;
        }
        SmbSession session = sessions.get(h.sessionId());
        if (session == null || session.state() != SmbSession.State.VALID) {
            return Replies.error(h, NtStatus.USER_SESSION_DELETED, credits);
        }
        if (session.signing() != null && (h.signed() || session.signingRequired())
                && !session.signing().verify(p.raw())) {
            return Replies.error(h, NtStatus.ACCESS_DENIED, credits);
        }
        var signer = session.signing() != null && (h.signed() || session.signingRequired()) ? session.signing() : null;
        switch (cmd) {
            case LOGOFF:
                LogoffMessage.decode(p.body());
                sessions.remove(session.id());
                return Replies.message(h.reply(NtStatus.SUCCESS, credits, 0), new LogoffMessage()::encode, signer);
            case TREE_CONNECT:
                return trees.connect(p, session, credits, signer);
            case TREE_DISCONNECT:
                return trees.disconnect(p, session, credits, signer);
            default:
                break;
        }
        if (session.tree(h.treeId()) == null) {
            return new Reply(Replies.error(h, NtStatus.NETWORK_NAME_DELETED, credits).message(), signer);
        }
        Reply err = Replies.error(h, NtStatus.NOT_SUPPORTED, credits);
        return new Reply(err.message(), signer);
    }

    private Reply negotiate(Smb2Packet p, int compoundSize) throws WireException, ProtocolViolation {
        if (state.negotiated() || compoundSize > 1) {
            throw new ProtocolViolation("NEGOTIATE repeated or compounded");
        }
        Smb2Header h = p.header();
        NegotiateRequest req = NegotiateRequest.decode(p.body());
        int dialect = NegotiateCommand.choose(req.dialects());
        int credits = grant(h);
        if (dialect == 0) {
            return Replies.error(h, NtStatus.NOT_SUPPORTED, credits);
        }
        if (!NegotiateCommand.valid(req, dialect)) {
            return Replies.error(h, NtStatus.INVALID_PARAMETER, credits);
        }
        NegotiateResponse resp = negotiate.answer(req, dialect, state);
        Reply reply = Replies.message(h.reply(NtStatus.SUCCESS, credits, 0), resp::encode, null);
        if (dialect == Dialect.SMB_3_1_1) {
            state.preauth(p.raw());
            state.preauth(reply.message());
        }
        log.debug("negotiated SMB {}", Dialect.name(dialect));
        return reply;
    }

    /** Credits granted in a response: what the client asks for, at least 1, at most the per-connection cap. */
    private int grant(Smb2Header h) {
        return Math.clamp(h.credits(), 1, settings.maxCredits());
    }

    /** The client broke the protocol's order; the connection is closed. */
    static final class ProtocolViolation extends Exception {
        ProtocolViolation(String message) {
            super(message);
        }
    }
}
