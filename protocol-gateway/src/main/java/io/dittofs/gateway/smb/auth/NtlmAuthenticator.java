package io.dittofs.gateway.smb.auth;

import io.dittofs.gateway.smb.wire.WireException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;

/**
 * The server side of one NTLM exchange (MS-NLMP 3.2.5): answers NEGOTIATE with a CHALLENGE, then
 * checks the AUTHENTICATE's NTLMv2 response against the user's NT hash, recovers the exported
 * session key (key exchange) and checks the MIC. NTLMv1 and LM responses are refused. An empty
 * user with empty responses is the anonymous logon; whether that is allowed is the caller's choice.
 */
public final class NtlmAuthenticator {

    /** The outcome: who, the exported session key (null for anonymous), and NTLM session security for mechListMIC. */
    public record Result(Optional<NtIdentity> identity, boolean anonymous, byte[] sessionKey, NtlmSessionSecurity security) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final NtHashSource users;
    private final String netbiosName;
    private final String domain;
    private byte[] negotiateMsg;
    private byte[] challengeMsg;
    private byte[] serverChallenge;

    public NtlmAuthenticator(NtHashSource users, String netbiosName, String domain) {
        this.users = users;
        this.netbiosName = netbiosName;
        this.domain = domain;
    }

    public byte[] challenge(byte[] negotiate, long fileTimeNow) throws WireException {
        int clientFlags = NtlmMessages.negotiateFlags(negotiate);
        negotiateMsg = negotiate.clone();
        serverChallenge = new byte[8];
        RANDOM.nextBytes(serverChallenge);
        int flags = NtlmMessages.UNICODE | NtlmMessages.REQUEST_TARGET | NtlmMessages.NTLM
                | NtlmMessages.EXTENDED_SESSIONSECURITY | NtlmMessages.TARGET_INFO | NtlmMessages.VERSION
                | NtlmMessages.TARGET_TYPE_SERVER
                | (clientFlags & (NtlmMessages.SIGN | NtlmMessages.SEAL | NtlmMessages.ALWAYS_SIGN
                        | NtlmMessages.NEG_128 | NtlmMessages.NEG_56 | NtlmMessages.KEY_EXCH));
        challengeMsg = NtlmMessages.challenge(flags, serverChallenge, netbiosName,
                NtlmMessages.targetInfo(netbiosName, domain, fileTimeNow));
        return challengeMsg.clone();
    }

    /** Checks the AUTHENTICATE message; empty when the logon fails. */
    public Optional<Result> authenticate(byte[] msg) throws WireException {
        if (challengeMsg == null) {
            throw new WireException("AUTHENTICATE before CHALLENGE");
        }
        NtlmMessages.Authenticate a = NtlmMessages.authenticate(msg);
        if (a.user().isEmpty() && a.ntResponse().length == 0) {
            return Optional.of(new Result(Optional.empty(), true, null, null));
        }
        if (a.ntResponse().length < 16 + 28) {
            return Optional.empty(); // NTLMv1 (24 bytes) is not accepted
        }
        Optional<NtIdentity> who = users.lookup(a.user());
        if (who.isEmpty()) {
            return Optional.empty();
        }
        byte[] nt = a.ntResponse();
        byte[] proof = Arrays.copyOf(nt, 16);
        byte[] blob = Arrays.copyOfRange(nt, 16, nt.length);
        byte[] key = NtlmCrypto.ntowfv2(who.get().ntHash(), a.user(), a.domain());
        byte[] expected = NtlmCrypto.hmacMd5(key, serverChallenge, blob);
        if (!MessageDigest.isEqual(expected, proof)) {
            // clients may compute the key with an empty domain when none was given
            key = NtlmCrypto.ntowfv2(who.get().ntHash(), a.user(), "");
            expected = NtlmCrypto.hmacMd5(key, serverChallenge, blob);
            if (!MessageDigest.isEqual(expected, proof)) {
                return Optional.empty();
            }
        }
        byte[] sessionBaseKey = NtlmCrypto.hmacMd5(key, proof);
        byte[] exported = (a.flags() & NtlmMessages.KEY_EXCH) != 0 && a.encryptedSessionKey().length == 16
                ? NtlmCrypto.rc4(sessionBaseKey, a.encryptedSessionKey())
                : sessionBaseKey;
        if (NtlmMessages.micFlagged(nt)) {
            if (a.mic() == null) {
                return Optional.empty();
            }
            byte[] zeroed = msg.clone();
            Arrays.fill(zeroed, a.micOffset(), a.micOffset() + 16, (byte) 0);
            byte[] mic = NtlmCrypto.hmacMd5(exported, negotiateMsg, challengeMsg, zeroed);
            if (!MessageDigest.isEqual(mic, a.mic())) {
                return Optional.empty();
            }
        }
        return Optional.of(new Result(who, false, exported, new NtlmSessionSecurity(exported, a.flags())));
    }
}
