package io.dittofs.gateway.smb.server;

import io.dittofs.gateway.smb.auth.NtHashSource;
import io.dittofs.gateway.smb.auth.NtlmAuthenticator;
import io.dittofs.gateway.smb.auth.Spnego;
import io.dittofs.gateway.smb.crypto.Smb2Encryption;
import io.dittofs.gateway.smb.crypto.Smb2Signing;
import io.dittofs.gateway.smb.wire.Dialect;
import io.dittofs.gateway.smb.wire.NegotiateResponse;
import io.dittofs.gateway.smb.wire.NtStatus;
import io.dittofs.gateway.smb.wire.SessionSetupRequest;
import io.dittofs.gateway.smb.wire.SessionSetupResponse;
import io.dittofs.gateway.smb.wire.Smb2Header;
import io.dittofs.gateway.smb.wire.Smb2Packet;
import io.dittofs.gateway.smb.wire.WireException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SESSION_SETUP (MS-SMB2 3.3.5.5): SPNEGO-wrapped NTLM in two round trips. The first creates the
 * session and answers MORE_PROCESSING_REQUIRED with the CHALLENGE; the second checks the
 * AUTHENTICATE, derives the signing key (3.1.1: from the session's preauth hash) and signs the
 * final response. A failed logon removes the session. Multichannel binding is refused. A logon
 * naming a PreviousSessionId of the same user closes that session, on whichever connection it is.
 */
final class SessionSetupCommand {

    private static final Logger log = LoggerFactory.getLogger(SessionSetupCommand.class);

    private final SmbServerSettings settings;
    private final NtHashSource users;
    private final SmbConnectionState connection;
    private final SessionTable sessions;

    SessionSetupCommand(SmbServerSettings settings, NtHashSource users, SmbConnectionState connection, SessionTable sessions) {
        this.settings = settings;
        this.users = users;
        this.connection = connection;
        this.sessions = sessions;
    }

    Reply handle(Smb2Packet p, int credits) throws WireException {
        Smb2Header h = p.header();
        SessionSetupRequest req = SessionSetupRequest.decode(p.body());
        if ((req.flags() & SessionSetupRequest.FLAG_BINDING) != 0) {
            return Replies.error(h, NtStatus.REQUEST_NOT_ACCEPTED, credits);
        }
        SmbSession session;
        if (h.sessionId() == 0) {
            session = sessions.create(connection.preauthHash());
            if (session == null) {
                return Replies.error(h, NtStatus.INSUFFICIENT_RESOURCES, credits);
            }
        } else {
            session = sessions.get(h.sessionId());
            if (session == null) {
                return Replies.error(h, NtStatus.USER_SESSION_DELETED, credits);
            }
        }
        boolean smb311 = connection.dialect() == Dialect.SMB_3_1_1;
        if (smb311) {
            session.preauth(p.raw());
        }
        Spnego.ClientToken token = Spnego.parse(req.securityBuffer());
        if (token.mechToken() == null || token.mechToken().length < 12) {
            return fail(h, session, credits);
        }
        int type = token.mechToken()[8];
        Smb2Header replyHeader = h.withSession(session.id(), h.treeId());
        if (type == 1) {
            NtlmAuthenticator ntlm = new NtlmAuthenticator(users, settings.netbiosName(), settings.domain());
            session.restart(ntlm, token.mechTypes());
            byte[] challenge = ntlm.challenge(token.mechToken(), FileTime.now());
            byte[] spnego = Spnego.response(Spnego.ACCEPT_INCOMPLETE, true, challenge, null);
            Reply r = Replies.message(replyHeader.reply(NtStatus.MORE_PROCESSING_REQUIRED, credits, 0),
                    new SessionSetupResponse(0, spnego)::encode, null);
            if (smb311) {
                session.preauth(r.message());
            }
            return r;
        }
        if (type != 3 || session.ntlm() == null) {
            return fail(h, session, credits);
        }
        Optional<NtlmAuthenticator.Result> result = session.ntlm().authenticate(token.mechToken());
        if (result.isEmpty()) {
            return guestOrFail(h, replyHeader, session, credits);
        }
        NtlmAuthenticator.Result ok = result.get();
        if (ok.anonymous()) {
            if (!settings.allowAnonymous()) {
                return fail(h, session, credits);
            }
            session.established(Optional.empty(), false, true, null, false);
            return Replies.message(replyHeader.reply(NtStatus.SUCCESS, credits, 0),
                    new SessionSetupResponse(SessionSetupResponse.IS_NULL,
                            Spnego.response(Spnego.ACCEPT_COMPLETED, false, null, null))::encode, null);
        }
        byte[] serverMic = null;
        if (token.mechListMic() != null && session.mechTypes() != null) {
            if (!ok.security().verifyClient(session.mechTypes(), token.mechListMic(), 0)) {
                return fail(h, session, credits);
            }
            serverMic = ok.security().signServer(session.mechTypes(), 0);
        }
        Smb2Signing signer = Smb2Signing.forSession(connection.dialect(), ok.sessionKey(), session.preauthHash(),
                connection.signingAlgorithm());
        Smb2Encryption encryption = encryptionFor(ok.sessionKey(), session.preauthHash());
        if (settings.encryptionRequired() && encryption == null) {
            // MS-SMB2 3.3.5.5.3: the server rejects unencrypted access and this connection cannot encrypt
            log.debug("SMB logon refused: encryption required, dialect {} without a cipher", connection.dialect());
            sessions.remove(session.id());
            return Replies.error(h, NtStatus.ACCESS_DENIED, credits);
        }
        boolean required = settings.signingRequired() || (req.securityMode() & NegotiateResponse.SIGNING_REQUIRED) != 0;
        session.established(ok.identity(), false, false, signer, required);
        session.encryption(encryption, settings.encryptionRequired());
        if (req.previousSessionId() != 0) {
            // a reconnecting client (MS-SMB2 3.3.5.5.3): its old session, if the same user's, is closed
            sessions.registry().expirePrevious(req.previousSessionId(), session, ok.identity());
        }
        log.debug("SMB session {} for {}", Long.toHexString(session.id()), ok.identity().map(i -> i.name()).orElse("?"));
        byte[] spnego = Spnego.response(Spnego.ACCEPT_COMPLETED, false, null, serverMic);
        boolean sign = smb311 || required;
        int flags = session.encryptData() ? SessionSetupResponse.ENCRYPT_DATA : 0;
        return Replies.message(replyHeader.reply(NtStatus.SUCCESS, credits, 0),
                new SessionSetupResponse(flags, spnego)::encode, sign || flags != 0 ? signer : null);
    }

    /** 3.0/3.0.2 when the client announced CAP_ENCRYPTION, 3.1.1 when a cipher was negotiated; else null. */
    private Smb2Encryption encryptionFor(byte[] sessionKey, byte[] preauthHash) {
        int d = connection.dialect();
        boolean offered = d == Dialect.SMB_3_1_1 ? connection.cipher() != 0
                : Dialect.isSmb3(d) && (connection.serverCapabilities() & NegotiateResponse.CAP_ENCRYPTION) != 0;
        return offered ? Smb2Encryption.forSession(d, connection.cipher(), sessionKey, preauthHash) : null;
    }

    private Reply guestOrFail(Smb2Header h, Smb2Header replyHeader, SmbSession session, int credits) {
        if (!settings.allowGuest()) {
            return fail(h, session, credits);
        }
        session.established(Optional.empty(), true, false, null, false);
        return Replies.message(replyHeader.reply(NtStatus.SUCCESS, credits, 0),
                new SessionSetupResponse(SessionSetupResponse.IS_GUEST,
                        Spnego.response(Spnego.ACCEPT_COMPLETED, false, null, null))::encode, null);
    }

    private Reply fail(Smb2Header h, SmbSession session, int credits) {
        sessions.remove(session.id());
        return Replies.error(h, NtStatus.LOGON_FAILURE, credits);
    }

}
