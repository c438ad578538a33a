package io.dittofs.gateway.smb.server;

import io.dittofs.gateway.smb.wire.Dialect;
import io.dittofs.gateway.smb.wire.NegotiateContext;
import io.dittofs.gateway.smb.wire.NegotiateRequest;
import io.dittofs.gateway.smb.wire.NegotiateResponse;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * NEGOTIATE (MS-SMB2 3.3.5.4): picks the highest dialect both sides speak and, for 3.1.1, answers
 * the preauth integrity, encryption and signing contexts; unknown contexts are ignored. Also
 * builds the wildcard answer to an SMB1 negotiate (3.3.5.3.1).
 */
final class NegotiateCommand {

    /** Dialects in the server's order of preference. */
    static final List<Integer> DIALECTS = List.of(Dialect.SMB_3_1_1, Dialect.SMB_3_0_2, Dialect.SMB_3_0,
            Dialect.SMB_2_1, Dialect.SMB_2_0_2);
    /** AES-128-GCM, AES-128-CCM, AES-256-GCM, AES-256-CCM: preference of the server. */
    static final List<Integer> CIPHERS = List.of(2, 1, 4, 3);
    /** AES-GMAC, AES-CMAC, HMAC-SHA256: preference of the server (GMAC is the cheapest). */
    static final List<Integer> SIGNING = List.of(2, 1, 0);

    private final SmbServerSettings settings;
    private final SecureRandom random = new SecureRandom();

    NegotiateCommand(SmbServerSettings settings) {
        this.settings = settings;
    }

    /** The chosen dialect, or 0 when the client offers none the server speaks. */
    static int choose(List<Integer> offered) {
        return DIALECTS.stream().filter(offered::contains).findFirst().orElse(0);
    }

    NegotiateResponse answer(NegotiateRequest req, int dialect, SmbConnectionState state) {
        List<NegotiateContext> contexts = new ArrayList<>();
        int cipher = 0;
        int signing = -1;
        if (dialect == Dialect.SMB_3_1_1) {
            byte[] salt = new byte[32];
            random.nextBytes(salt);
            contexts.add(new NegotiateContext.PreauthIntegrity(List.of(NegotiateContext.HASH_SHA512), salt));
            for (NegotiateContext c : req.contexts()) {
                switch (c) {
                    case NegotiateContext.Encryption e -> {
                        cipher = CIPHERS.stream().filter(e.ciphers()::contains).findFirst().orElse(0);
                        contexts.add(new NegotiateContext.Encryption(List.of(cipher)));
                    }
                    case NegotiateContext.Signing s -> {
                        signing = SIGNING.stream().filter(s.algorithms()::contains).findFirst().orElse(1);
                        contexts.add(new NegotiateContext.Signing(List.of(signing)));
                    }
                    default -> {
                        // compression, netname, transport and RDMA contexts: not offered by this server
                    }
                }
            }
        }
        int caps = dialect == Dialect.SMB_2_0_2 ? 0 : NegotiateResponse.CAP_LARGE_MTU;
        if ((dialect == Dialect.SMB_3_0 || dialect == Dialect.SMB_3_0_2)
                && (req.capabilities() & NegotiateResponse.CAP_ENCRYPTION) != 0) {
            // 3.0/3.0.2 announce AES-128-CCM by capability; 3.1.1 by the encryption context
            caps |= NegotiateResponse.CAP_ENCRYPTION;
        }
        NegotiateResponse resp = response(dialect, caps, contexts);
        state.negotiated(dialect, req.securityMode(), req.clientGuid(), cipher, signing);
        state.negotiateInfo(req.capabilities(), req.dialects(), caps, resp.securityMode());
        return resp;
    }

    NegotiateResponse wildcard(int dialect) {
        return response(dialect, 0, List.of());
    }

    private NegotiateResponse response(int dialect, int caps, List<NegotiateContext> contexts) {
        int mode = NegotiateResponse.SIGNING_ENABLED
                | (settings.signingRequired() ? NegotiateResponse.SIGNING_REQUIRED : 0);
        int io = dialect == Dialect.SMB_2_0_2 ? 65536 : settings.maxIoBytes();
        return new NegotiateResponse(mode, dialect, settings.serverGuid(), caps, io, io, io, FileTime.now(),
                SpnegoHint.token(), contexts);
    }

    /** Whether the request may be answered at all (MS-SMB2 3.3.5.4: 3.1.1 needs a SHA-512 preauth context). */
    static boolean valid(NegotiateRequest req, int dialect) {
        if (dialect != Dialect.SMB_3_1_1) {
            return true;
        }
        return req.contexts().stream().anyMatch(c -> c instanceof NegotiateContext.PreauthIntegrity p
                && p.hashAlgorithms().contains(NegotiateContext.HASH_SHA512));
    }
}
