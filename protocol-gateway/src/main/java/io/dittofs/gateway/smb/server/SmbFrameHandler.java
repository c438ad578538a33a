package io.dittofs.gateway.smb.server;

import io.dittofs.gateway.smb.transport.DirectTcpFraming;
import io.dittofs.gateway.smb.wire.Dialect;
import io.dittofs.gateway.smb.wire.EchoMessage;
import io.dittofs.gateway.smb.wire.ErrorResponse;
import io.dittofs.gateway.smb.wire.NegotiateRequest;
import io.dittofs.gateway.smb.wire.NegotiateResponse;
import io.dittofs.gateway.smb.wire.NtStatus;
import io.dittofs.gateway.smb.wire.Smb1Negotiate;
import io.dittofs.gateway.smb.wire.Smb2Command;
import io.dittofs.gateway.smb.wire.Smb2Frame;
import io.dittofs.gateway.smb.wire.Smb2Header;
import io.dittofs.gateway.smb.wire.Smb2Packet;
import io.dittofs.gateway.smb.wire.SmbWriter;
import io.dittofs.gateway.smb.wire.WireException;
import io.dittofs.gateway.transport.Connection;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each direct-TCP frame into responses: the SMB1 negotiate upgrade, then SMB2 messages one
 * by one in compound order, answered in one compounded frame. A frame that does not decode or
 * breaks the protocol's order (a second NEGOTIATE, a command before NEGOTIATE, a response sent to
 * the server) closes the connection, as MS-SMB2 3.3.5.2 asks. Commands not implemented in this
 * slice are answered with an error, never with a fake success.
 */
final class SmbFrameHandler extends SimpleChannelInboundHandler<byte[]> {

    private static final Logger log = LoggerFactory.getLogger(SmbFrameHandler.class);

    private final SmbServerSettings settings;
    private final NegotiateCommand negotiate;
    private final SmbConnectionState state = new SmbConnectionState();
    private Connection connection;

    SmbFrameHandler(SmbServerSettings settings) {
        this.settings = settings;
        this.negotiate = new NegotiateCommand(settings);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        connection = Connection.of(ctx.channel());
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, byte[] frame) {
        try {
            byte[] reply = Smb1Negotiate.isSmb1(frame) ? smb1(frame) : smb2(frame);
            if (reply != null) {
                if (connection != null) {
                    connection.writeAndFlush(ctx, DirectTcpFraming.frame(reply));
                } else {
                    ctx.writeAndFlush(DirectTcpFraming.frame(reply));
                }
            }
        } catch (WireException | ProtocolViolation e) {
            log.debug("closing SMB connection from {}: {}", ctx.channel().remoteAddress(), e.getMessage());
            ctx.close();
        }
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
        return message(h.reply(NtStatus.SUCCESS, 1, 0), resp::encode);
    }

    private byte[] smb2(byte[] frame) throws WireException, ProtocolViolation {
        List<Smb2Packet> packets = Smb2Frame.split(frame, settings.maxCompound());
        List<byte[]> replies = new ArrayList<>(packets.size());
        for (Smb2Packet p : packets) {
            byte[] reply = dispatch(p, packets.size());
            if (reply != null) {
                replies.add(reply);
            }
        }
        return replies.isEmpty() ? null : Smb2Frame.join(replies);
    }

    private byte[] dispatch(Smb2Packet p, int compoundSize) throws WireException, ProtocolViolation {
        Smb2Header h = p.header();
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
            return error(h, NtStatus.INVALID_PARAMETER, credits);
        }
        return switch (cmd) {
            case ECHO -> {
                EchoMessage.decode(p.body());
                yield message(h.reply(NtStatus.SUCCESS, credits, 0), new EchoMessage()::encode);
            }
            // CANCEL has no response (MS-SMB2 3.3.5.16); nothing runs asynchronously yet
            case CANCEL -> null;
            case SESSION_SETUP -> error(h, NtStatus.NOT_SUPPORTED, credits);
            default -> error(h, NtStatus.USER_SESSION_DELETED, credits);
        };
    }

    private byte[] negotiate(Smb2Packet p, int compoundSize) throws WireException, ProtocolViolation {
        if (state.negotiated() || compoundSize > 1) {
            throw new ProtocolViolation("NEGOTIATE repeated or compounded");
        }
        Smb2Header h = p.header();
        NegotiateRequest req = NegotiateRequest.decode(p.body());
        int dialect = NegotiateCommand.choose(req.dialects());
        int credits = grant(h);
        if (dialect == 0) {
            return error(h, NtStatus.NOT_SUPPORTED, credits);
        }
        if (!NegotiateCommand.valid(req, dialect)) {
            return error(h, NtStatus.INVALID_PARAMETER, credits);
        }
        NegotiateResponse resp = negotiate.answer(req, dialect, state);
        byte[] reply = message(h.reply(NtStatus.SUCCESS, credits, 0), resp::encode);
        if (dialect == Dialect.SMB_3_1_1) {
            state.preauth(p.raw());
            state.preauth(reply);
        }
        log.debug("negotiated SMB {} with {}", Dialect.name(dialect), connection == null ? "?" : connection.channel().remoteAddress());
        return reply;
    }

    /** Credits granted in a response: what the client asks for, at least 1, at most the per-connection cap. */
    private int grant(Smb2Header h) {
        return Math.clamp(h.credits(), 1, settings.maxCredits());
    }

    private static byte[] error(Smb2Header h, int status, int credits) {
        return message(h.reply(status, credits, 0), new ErrorResponse()::encode);
    }

    private static byte[] message(Smb2Header h, java.util.function.Consumer<SmbWriter> body) {
        SmbWriter w = new SmbWriter(256);
        h.encode(w);
        body.accept(w);
        return w.toByteArray();
    }

    /** The client broke the protocol's order; the connection is closed. */
    static final class ProtocolViolation extends Exception {
        ProtocolViolation(String message) {
            super(message);
        }
    }
}
