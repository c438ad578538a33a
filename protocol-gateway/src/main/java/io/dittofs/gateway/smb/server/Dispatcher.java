package io.dittofs.gateway.smb.server;

import io.dittofs.contracts.grpc.TraceIds;
import io.dittofs.gateway.access.ShareGate;
import io.dittofs.gateway.metrics.ProtocolOps;
import io.dittofs.gateway.share.ShareRegistry;
import io.dittofs.gateway.smb.auth.NtHashSource;
import io.dittofs.gateway.smb.crypto.Smb2Signing;
import io.dittofs.gateway.smb.server.SmbFrameHandler.ProtocolViolation;
import io.dittofs.gateway.smb.wire.Dialect;
import io.dittofs.gateway.smb.wire.EchoMessage;
import io.dittofs.gateway.smb.wire.ErrorResponse;
import io.dittofs.gateway.smb.wire.FileId;
import io.dittofs.gateway.smb.wire.LogoffMessage;
import io.dittofs.gateway.smb.wire.NegotiateRequest;
import io.dittofs.gateway.smb.wire.NegotiateResponse;
import io.dittofs.gateway.smb.wire.NtStatus;
import io.dittofs.gateway.smb.wire.Smb1Negotiate;
import io.dittofs.gateway.smb.wire.Smb2Command;
import io.dittofs.gateway.smb.wire.Smb2Header;
import io.dittofs.gateway.smb.wire.Smb2Packet;
import io.dittofs.gateway.smb.wire.WireException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the SMB2 messages of one frame in compound order (MS-SMB2 3.3.5.2): the credit window
 * first, then session, signature or encryption, tree, and the command's handler. Related messages
 * inherit session, tree and FileId from the one before; after a failed CREATE the rest of a related
 * chain fails with its status. A handler may go async ({@link SmbResult.Pending}): the client gets
 * STATUS_PENDING with an async id now and the final response later; CANCEL reaches it by async id
 * or message id.
 */
final class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final long SAME_SESSION = -1L;
    private static final int SAME_TREE = -1;
    /** Waits one connection may park (blocking locks, notifies, pipe reads). */
    static final int MAX_ASYNC = 512;

    private final SmbServerSettings settings;
    private final SmbConnectionState state = new SmbConnectionState();
    private final SessionTable sessions;
    private final NegotiateCommand negotiate;
    private final SessionSetupCommand sessionSetup;
    private final TreeCommands trees;
    private final SmbCommands files;
    private final SmbCommands ipc;
    private final SmbCommandHandler ioctl;
    private final InetAddress client;
    private final CreditWindow window;
    private final AsyncTable async = new AsyncTable(MAX_ASYNC);
    private final Consumer<byte[]> later;
    private ProtocolOps ops = ProtocolOps.DISABLED;
    private String traceTag = "s0";

    Dispatcher(SmbServerSettings settings, NtHashSource users, ShareRegistry shares, ShareGate gate, SmbCommands files,
               SmbCommands ipc, SmbCommandHandler ioctl, InetAddress client, Consumer<byte[]> later) {
        this(settings, users, shares, gate, files, ipc, ioctl, client, later, new SessionRegistry(), Runnable::run);
    }

    /**
     * As above, with the server-wide session table; {@code serial} runs a task in this connection's
     * frame order (another connection's reconnect closes a session of this one through it).
     */
    Dispatcher(SmbServerSettings settings, NtHashSource users, ShareRegistry shares, ShareGate gate, SmbCommands files,
               SmbCommands ipc, SmbCommandHandler ioctl, InetAddress client, Consumer<byte[]> later,
               SessionRegistry registry, Consumer<Runnable> serial) {
        this.settings = settings;
        this.files = files;
        this.ipc = ipc;
        this.ioctl = ioctl;
        this.client = client;
        this.later = later;
        this.sessions = new SessionTable(settings.maxSessions(), registry, s -> serial.accept(() -> expire(s)));
        this.negotiate = new NegotiateCommand(settings);
        this.sessionSetup = new SessionSetupCommand(settings, users, state, sessions);
        SmbCommands both = new SmbCommands() {
            @Override
            public SmbCommandHandler handler(Smb2Command command) {
                return null;
            }

            @Override
            public void treeClosed(SmbSession s, TreeConnect t) {
                (t.ipc() ? ipc : files).treeClosed(s, t);
            }
        };
        this.trees = new TreeCommands(shares, gate, client, settings, both);
        this.window = new CreditWindow(settings.maxCredits());
        files.attach(later);
    }

    /** The connection's sessions (tests log on without NTLM through it). */
    SessionTable sessions() {
        return sessions;
    }

    SmbSession session(long id) {
        return sessions.get(id);
    }

    SmbConnectionState state() {
        return state;
    }

    /**
     * A reconnecting client named this session as its PreviousSessionId (MS-SMB2 3.3.5.5.3): it is
     * closed as by LOGOFF — trees and opens closed, pending requests answered by their close (a
     * CHANGE_NOTIFY with NOTIFY_CLEANUP, a blocking lock with RANGE_NOT_LOCKED) — and later requests
     * on it get USER_SESSION_DELETED.
     */
    private void expire(SmbSession s) {
        if (sessions.get(s.id()) != s) {
            return;
        }
        log.debug("SMB session {} replaced by a reconnect", Long.toHexString(s.id()));
        // its durable opens wait for the reconnecting client (MS-SMB2 3.3.5.5.3, 3.3.5.9.7)
        files.sessionLost(s);
        ipc.sessionClosed(s);
        sessions.logoff(s.id());
    }

    /** The connection is gone: waits end, opens close. */
    void closed() {
        async.cancelAll();
        for (SmbSession s : sessions.all()) {
            files.sessionLost(s);
            ipc.sessionClosed(s);
            sessions.remove(s.id());
        }
        files.connectionClosed();
        ipc.connectionClosed();
    }

    byte[] smb1(byte[] frame) throws WireException, ProtocolViolation {
        if (state.negotiated()) {
            throw new ProtocolViolation("SMB1 negotiate after SMB2 negotiation");
        }
        int dialect = Smb1Negotiate.decode(frame).upgradeDialect();
        if (dialect == 0) {
            throw new ProtocolViolation("SMB1 negotiate without an SMB2 dialect");
        }
        window.afterSmb1Upgrade();
        int credits = window.grant(1);
        Smb2Header h = new Smb2Header(0, 0, Smb2Command.NEGOTIATE.code(), 1, 0, 0, 0, 0, 0, 0, 0, null);
        NegotiateResponse resp = negotiate.wildcard(dialect);
        if (dialect == Dialect.SMB_2_0_2) {
            state.negotiated(dialect, 0, new byte[16], 0, -1);
        }
        return Replies.message(h.reply(NtStatus.SUCCESS, credits, 0), resp::encode, null).message();
    }

    /** Chain state of a compound: what related messages inherit. */
    private static final class Chain {
        long session;
        int tree;
        FileId fileId;
        int createError;
        /** The message is the last of its frame (only the last may go async, see {@link #dispatch}). */
        boolean last;
    }

    /**
     * Answers the messages of one frame; {@code encryptedBy} is the session whose keys decrypted it
     * (null for a plain frame), whose responses are then encrypted as one frame and not signed.
     */
    byte[] frame(List<Smb2Packet> packets, SmbSession encryptedBy) throws WireException, ProtocolViolation {
        List<Reply> replies = new ArrayList<>(packets.size());
        Chain chain = new Chain();
        for (int i = 0; i < packets.size(); i++) {
            Smb2Packet p = packets.get(i);
            Smb2Header h = p.header();
            if (h.related() && i > 0) {
                // related operations inherit the session and tree of the one before (MS-SMB2 3.3.5.2.7.2)
                h = h.withSession(h.sessionId() == SAME_SESSION ? chain.session : h.sessionId(),
                        h.treeId() == SAME_TREE ? chain.tree : h.treeId());
                p = new Smb2Packet(h, p.raw());
            } else {
                chain = new Chain();
            }
            chain.last = i == packets.size() - 1;
            Reply reply = observed(p, h, packets.size(), chain, encryptedBy, i == 0 && h.related());
            chainFailure(chain, reply, i == 0 && h.related());
            chain.session = h.sessionId();
            chain.tree = h.treeId();
            if (reply != null) {
                replies.add(encryptedBy == null ? reply : new Reply(reply.message(), null));
            }
        }
        return replies.isEmpty() ? null : Replies.assemble(replies);
    }

    /**
     * What the next related message inherits from a failure: an invalid chain start or a lost session
     * or tree makes the rest of the chain INVALID_PARAMETER (there is nothing valid to inherit).
     */
    private static void chainFailure(Chain chain, Reply reply, boolean invalidStart) {
        if (reply == null || chain.createError != 0) {
            return;
        }
        byte[] m = reply.message();
        int status = (m[8] & 0xff) | (m[9] & 0xff) << 8 | (m[10] & 0xff) << 16 | (m[11] & 0xff) << 24;
        if (invalidStart || status == NtStatus.USER_SESSION_DELETED || status == NtStatus.NETWORK_NAME_DELETED) {
            chain.createError = NtStatus.INVALID_PARAMETER;
        }
    }

    /** Sets where each command is timed and the connection's trace tag (before the first frame). */
    void observe(ProtocolOps operations, String tag) {
        this.ops = operations;
        this.traceTag = tag;
    }

    /** One message with its trace id ({@code s<connection>-<message id>}) in the MDC, timed by command and status. */
    private Reply observed(Smb2Packet p, Smb2Header h, int compoundSize, Chain chain, SmbSession encryptedBy,
                           boolean relatedFirst) throws WireException, ProtocolViolation {
        long started = ops.begin();
        int status = ProtocolOps.DROPPED;
        try (TraceIds.Scope trace = TraceIds.open(traceTag + "-" + Long.toHexString(h.messageId()))) {
            Reply reply = dispatch(p, h, compoundSize, chain, encryptedBy, relatedFirst);
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

    private Reply dispatch(Smb2Packet p, Smb2Header h, int compoundSize, Chain chain, SmbSession encryptedBy,
                           boolean relatedFirst) throws WireException, ProtocolViolation {
        if (h.response()) {
            throw new ProtocolViolation("a response sent to the server");
        }
        Smb2Command cmd = h.knownCommand();
        if (cmd == Smb2Command.CANCEL) {
            cancel(h);
            return null; // CANCEL takes no credit and gets no response (MS-SMB2 3.3.5.16)
        }
        int charge = state.dialect() == Dialect.SMB_2_0_2 || state.dialect() == SmbConnectionState.NONE
                ? 1 : Math.max(1, h.creditCharge());
        if (!window.spend(h.messageId(), charge)) {
            throw new ProtocolViolation("message id " + h.messageId() + " (charge " + charge + ") outside the credit window");
        }
        if (cmd == Smb2Command.NEGOTIATE) {
            return negotiate(p, compoundSize);
        }
        if (!state.negotiated()) {
            throw new ProtocolViolation("command " + h.command() + " before NEGOTIATE");
        }
        int credits = window.grant(h.credits());
        if (cmd == null || relatedFirst || CreditCharge.required(p, state.dialect()) > charge) {
            return signed(Replies.error(h, NtStatus.INVALID_PARAMETER, credits), earlySigner(p, h, encryptedBy));
        }
        switch (cmd) {
            case SESSION_SETUP:
                return sessionSetup.handle(p, credits);
            case ECHO:
                EchoMessage.decode(p.body());
                return Replies.message(h.reply(NtStatus.SUCCESS, credits, 0), new EchoMessage()::encode, null);
            default:
                break;
        }
        if (h.related() && chain.createError == NtStatus.INVALID_PARAMETER) {
            return signed(Replies.error(h, NtStatus.INVALID_PARAMETER, credits), earlySigner(p, h, encryptedBy));
        }
        SmbSession session = sessions.get(h.sessionId());
        if (session == null || session.state() != SmbSession.State.VALID) {
            return sessionDeleted(p, h, credits, encryptedBy);
        }
        boolean encrypted = encryptedBy != null;
        if (!encrypted && session.signing() != null && (h.signed() || session.signingRequired())
                && !session.signing().verify(p.raw())) {
            return Replies.error(h, NtStatus.ACCESS_DENIED, credits);
        }
        Smb2Signing signer = !encrypted && session.signing() != null && (h.signed() || session.signingRequired())
                ? session.signing() : null;
        if (!encrypted && session.encryptData()) {
            return signed(Replies.error(h, NtStatus.ACCESS_DENIED, credits), signer);
        }
        switch (cmd) {
            case LOGOFF:
                LogoffMessage.decode(p.body());
                // durable opens outlive a logoff too: a new session of the user reclaims them (as Windows does)
                files.sessionLost(session);
                ipc.sessionClosed(session);
                sessions.logoff(session.id());
                return Replies.message(h.reply(NtStatus.SUCCESS, credits, 0), new LogoffMessage()::encode, signer);
            case TREE_CONNECT:
                return trees.connect(p, session, credits, signer);
            case TREE_DISCONNECT:
                return trees.disconnect(p, session, credits, signer);
            default:
                break;
        }
        TreeConnect tree = session.tree(h.treeId());
        if (tree == null) {
            return signed(Replies.error(h, NtStatus.NETWORK_NAME_DELETED, credits), signer);
        }
        if (tree.encryptData() && !encrypted) {
            return signed(Replies.error(h, NtStatus.ACCESS_DENIED, credits), signer);
        }
        if (h.related() && chain.createError != 0) {
            return signed(Replies.error(h, chain.createError, credits), signer);
        }
        SmbCommandHandler handler = cmd == Smb2Command.IOCTL ? ioctl : (tree.ipc() ? ipc : files).handler(cmd);
        if (handler == null) {
            return signed(Replies.error(h, NtStatus.NOT_SUPPORTED, credits), signer);
        }
        SmbResult result;
        try {
            result = handler.handle(new SmbRequest(p, session, tree, chain.fileId, state, client));
        } catch (WireException e) {
            log.debug("{} body refused: {}", cmd, e.getMessage());
            result = new SmbResult.Failed(NtStatus.INVALID_PARAMETER);
        }
        switch (result) {
            case SmbResult.Done d when d.opened() != null -> chain.fileId = d.opened();
            case SmbResult.Failed f when cmd == Smb2Command.CREATE -> chain.createError = f.status();
            default -> {
            }
        }
        if (result instanceof SmbResult.Drop drop) {
            throw new ProtocolViolation(cmd + ": " + drop.reason());
        }
        if (result instanceof SmbResult.Pending pending) {
            if (!chain.last) {
                // a command that would wait in the middle of a compound is withdrawn and fails
                // INTERNAL_ERROR, as Windows does (MS-SMB2 <162>); the rest of the chain goes on
                pending.cancel().run();
                return signed(Replies.error(h, NtStatus.INTERNAL_ERROR, credits), signer);
            }
            return goAsync(h, pending, credits, session, signer, encryptedBy);
        }
        return build(h, result, credits, signer);
    }

    /**
     * The key to sign an error found before the session checks with: the request's valid session
     * when the request is signed with it (or the session requires signing) and the signature holds —
     * a client that signs refuses an unsigned answer before it reads the status.
     */
    private Smb2Signing earlySigner(Smb2Packet p, Smb2Header h, SmbSession encryptedBy) {
        if (encryptedBy != null) {
            return null;
        }
        SmbSession s = sessions.get(h.sessionId());
        if (s == null || s.state() != SmbSession.State.VALID || s.signing() == null
                || !(h.signed() || s.signingRequired()) || !s.signing().verify(p.raw())) {
            return null;
        }
        return s.signing();
    }

    /**
     * USER_SESSION_DELETED for a request on no valid session (MS-SMB2 3.3.5.2.9). A signed plain
     * request on a session this connection logged off is answered signed with that session's key
     * when its signature verifies: clients that sign demand a signed answer; anything else is unsigned.
     */
    private Reply sessionDeleted(Smb2Packet p, Smb2Header h, int credits, SmbSession encryptedBy) {
        Reply r = Replies.error(h, NtStatus.USER_SESSION_DELETED, credits);
        SmbSession gone = sessions.loggedOff(h.sessionId());
        if (encryptedBy == null && h.signed() && gone != null && gone.signing() != null
                && gone.signing().verify(p.raw())) {
            return signed(r, gone.signing());
        }
        return r;
    }

    private static Reply build(Smb2Header h, SmbResult result, int credits, Smb2Signing signer) {
        return switch (result) {
            case SmbResult.Done d -> Replies.message(h.reply(d.status(), credits, 0), d.body(), signer);
            case SmbResult.Failed f -> signed(Replies.error(h, f.status(), credits), signer);
            case SmbResult.Pending p -> signed(Replies.error(h, NtStatus.INTERNAL_ERROR, credits), signer);
            case SmbResult.Drop d -> signed(Replies.error(h, NtStatus.INTERNAL_ERROR, credits), signer);
        };
    }

    /** Interim STATUS_PENDING now (not signed, MS-SMB2 3.3.4.2); the final response, signed or encrypted, later. */
    private Reply goAsync(Smb2Header h, SmbResult.Pending pending, int credits, SmbSession session, Smb2Signing signer,
                          SmbSession encryptedBy) {
        AsyncTable.Op op = async.add(h.messageId(), session.id(), pending.cancel());
        if (op == null) {
            pending.cancel().run();
            return signed(Replies.error(h, NtStatus.INSUFFICIENT_RESOURCES, credits), signer);
        }
        Smb2Header ah = h.asAsync(op.asyncId());
        Reply interim = Replies.message(ah.reply(NtStatus.PENDING, credits, Smb2Header.FLAGS_ASYNC_COMMAND),
                new ErrorResponse()::encode, null);
        pending.result().whenComplete((r, e) -> {
            async.done(op);
            SmbResult fin = r;
            if (e != null) {
                log.warn("async {} failed", h.knownCommand(), e);
                fin = new SmbResult.Failed(NtStatus.INTERNAL_ERROR);
            }
            Smb2Header fh = ah.withNextCommand(0);
            Reply done = switch (fin) {
                case SmbResult.Done d -> Replies.message(fh.reply(d.status(), 0, Smb2Header.FLAGS_ASYNC_COMMAND),
                        d.body(), signer);
                default -> Replies.message(fh.reply(fin instanceof SmbResult.Failed f ? f.status()
                        : NtStatus.INTERNAL_ERROR, 0, Smb2Header.FLAGS_ASYNC_COMMAND), new ErrorResponse()::encode, signer);
            };
            byte[] frame = Replies.assemble(List.of(encryptedBy == null ? done : new Reply(done.message(), null)));
            later.accept(encryptedBy == null ? frame : encryptedBy.encryption().encrypt(frame, encryptedBy.id()));
        });
        return interim;
    }

    private void cancel(Smb2Header h) {
        AsyncTable.Op op = h.async() ? async.byAsyncId(h.asyncId()) : async.byMessageId(h.messageId());
        if (op != null && op.sessionId() == h.sessionId()) {
            op.cancel().run();
        }
    }

    private Reply negotiate(Smb2Packet p, int compoundSize) throws WireException, ProtocolViolation {
        if (state.negotiated() || compoundSize > 1) {
            throw new ProtocolViolation("NEGOTIATE repeated or compounded");
        }
        Smb2Header h = p.header();
        NegotiateRequest req = NegotiateRequest.decode(p.body());
        int dialect = NegotiateCommand.choose(req.dialects());
        int credits = window.grant(h.credits());
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

    private static Reply signed(Reply r, Smb2Signing signer) {
        return new Reply(r.message(), signer);
    }
}
