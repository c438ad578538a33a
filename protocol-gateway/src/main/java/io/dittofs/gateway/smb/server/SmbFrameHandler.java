package io.dittofs.gateway.smb.server;

import io.dittofs.gateway.access.ShareGate;
import io.dittofs.gateway.metrics.ProtocolOps;
import io.dittofs.gateway.share.ShareRegistry;
import io.dittofs.gateway.smb.auth.NtHashSource;
import io.dittofs.gateway.smb.crypto.Smb2Encryption;
import io.dittofs.gateway.smb.ipc.IpcCommands;
import io.dittofs.gateway.smb.ops.Ioctl;
import io.dittofs.gateway.smb.transport.DirectTcpFraming;
import io.dittofs.gateway.smb.wire.NtStatus;
import io.dittofs.gateway.smb.wire.Smb1Negotiate;
import io.dittofs.gateway.smb.wire.Smb2Frame;
import io.dittofs.gateway.smb.wire.Smb2Packet;
import io.dittofs.gateway.smb.wire.TransformHeader;
import io.dittofs.gateway.smb.wire.WireException;
import io.dittofs.gateway.transport.Connection;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMB side of one connection: frames run one after another off the event loop (authentication
 * asks the control plane); each is the SMB1 negotiate upgrade, an encrypted frame (TRANSFORM_HEADER,
 * decrypted with its session's keys, answered encrypted) or plain SMB2 messages, which the
 * {@link Dispatcher} answers in one compounded frame. A frame that does not decode or breaks the
 * protocol (bad transform, message id outside the credit window, order) closes the connection
 * (MS-SMB2 3.3.5.2). Async operations answer later through {@link #send}.
 */
final class SmbFrameHandler extends SimpleChannelInboundHandler<byte[]> {

    private static final Logger log = LoggerFactory.getLogger(SmbFrameHandler.class);

    private final SmbServerSettings settings;
    private final Executor executor;
    private final NtHashSource users;
    private final ShareRegistry shares;
    private final ShareGate gate;
    private static final AtomicLong CONNECTIONS = new AtomicLong();

    private final Supplier<SmbCommands> files;
    private final SessionRegistry registry;
    private final ProtocolOps ops;
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
    private Connection connection;
    private ChannelHandlerContext ctx;
    private Dispatcher dispatcher;

    SmbFrameHandler(SmbServerSettings settings, NtHashSource users, ShareRegistry shares, ShareGate gate,
                    Executor executor, Supplier<SmbCommands> files) {
        this(settings, users, shares, gate, executor, files, ProtocolOps.DISABLED, new SessionRegistry());
    }

    SmbFrameHandler(SmbServerSettings settings, NtHashSource users, ShareRegistry shares, ShareGate gate,
                    Executor executor, Supplier<SmbCommands> files, ProtocolOps ops, SessionRegistry registry) {
        this.ops = ops;
        this.registry = registry;
        this.settings = settings;
        this.users = users;
        this.shares = shares;
        this.gate = gate;
        this.executor = executor;
        this.files = files;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext c) {
        ctx = c;
        connection = Connection.of(c.channel());
        InetAddress client = c.channel().remoteAddress() instanceof InetSocketAddress a ? a.getAddress() : null;
        InetSocketAddress local = c.channel().localAddress() instanceof InetSocketAddress a ? a : null;
        IpcCommands ipc = new IpcCommands(shares, settings);
        SmbCommands fileCommands = files.get();
        Ioctl ioctl = Ioctl.standard(settings.serverGuid(), ipc, local,
                r -> fileCommands.handler(io.dittofs.gateway.smb.wire.Smb2Command.IOCTL));
        dispatcher = new Dispatcher(settings, users, shares, gate, fileCommands, ipc, ioctl, client, this::send,
                registry, this::enqueue);
        dispatcher.observe(ops, "s" + Long.toHexString(CONNECTIONS.incrementAndGet()));
    }

    @Override
    public void channelInactive(ChannelHandlerContext c) throws Exception {
        enqueue(() -> dispatcher.closed());
        super.channelInactive(c);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext c, byte[] frame) {
        if (connection != null) {
            connection.requestStarted();
        }
        // one frame at a time per connection, in arrival order
        enqueue(() -> {
            try {
                process(frame);
            } catch (RuntimeException e) {
                log.warn("SMB frame from {} failed", c.channel().remoteAddress(), e);
                c.close();
            }
        });
    }

    /** Runs {@code task} after everything queued on this connection (other connections queue here too: reconnects). */
    private synchronized void enqueue(Runnable task) {
        tail = tail.thenRunAsync(task, executor).exceptionally(e -> {
            log.warn("SMB connection task failed", e);
            return null;
        });
    }

    private void process(byte[] frame) {
        byte[] reply = null;
        boolean close = false;
        try {
            if (TransformHeader.isTransform(frame)) {
                reply = encrypted(frame);
            } else if (Smb1Negotiate.isSmb1(frame)) {
                reply = dispatcher.smb1(frame);
            } else {
                reply = dispatcher.frame(Smb2Frame.split(frame, settings.maxCompound()), null);
            }
        } catch (WireException | ProtocolViolation e) {
            log.debug("closing SMB connection from {}: {}", ctx.channel().remoteAddress(), e.getMessage());
            close = true;
        }
        byte[] out = reply;
        ops.bytes(frame.length, out == null ? 0 : out.length);
        boolean closing = close;
        ctx.channel().eventLoop().execute(() -> {
            if (out != null) {
                connection.writeAndFlush(ctx, DirectTcpFraming.frame(out));
            }
            connection.requestFinished();
            if (closing) {
                ctx.close();
            }
        });
    }

    /** MS-SMB2 3.3.5.2.1.1: an unknown session or a bad tag drops the connection. */
    private byte[] encrypted(byte[] frame) throws WireException, ProtocolViolation {
        TransformHeader th = TransformHeader.decode(frame);
        SmbSession session = dispatcher.session(th.sessionId());
        Smb2Encryption enc = session == null ? null : session.encryption();
        if (enc == null) {
            throw new ProtocolViolation("encrypted frame for a session without keys");
        }
        byte[] plain = enc.decrypt(th, frame);
        if (TransformHeader.isTransform(plain) || Smb1Negotiate.isSmb1(plain)) {
            throw new ProtocolViolation("nested transform or SMB1 inside an encrypted frame");
        }
        List<Smb2Packet> packets = Smb2Frame.split(plain, settings.maxCompound());
        byte[] reply = dispatcher.frame(packets, session);
        return reply == null ? null : enc.encrypt(reply, session.id());
    }

    /** A later response (async completion), outside the frame order. */
    private void send(byte[] message) {
        ctx.channel().eventLoop().execute(() -> {
            if (ctx.channel().isActive()) {
                ctx.writeAndFlush(DirectTcpFraming.frame(message));
            }
        });
    }

    /** The client broke the protocol; the connection is closed. */
    static final class ProtocolViolation extends Exception {
        ProtocolViolation(String message) {
            super(message);
        }
    }
}
