package io.dittofs.gateway.smb.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * NTLM session security with extended session security (MS-NLMP 3.4.4.2), used only for SPNEGO's
 * mechListMIC: verify the client's signature of its mechTypes and sign them back, sequence 0 each way.
 */
public final class NtlmSessionSecurity {

    private static final byte[] C2S_SIGN = "session key to client-to-server signing key magic constant\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] S2C_SIGN = "session key to server-to-client signing key magic constant\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] C2S_SEAL = "session key to client-to-server sealing key magic constant\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] S2C_SEAL = "session key to server-to-client sealing key magic constant\0".getBytes(StandardCharsets.US_ASCII);

    private final byte[] clientSign;
    private final byte[] serverSign;
    private final NtlmCrypto.Rc4 clientSeal;
    private final NtlmCrypto.Rc4 serverSeal;
    private final boolean keyExchange;

    NtlmSessionSecurity(byte[] exportedSessionKey, int flags) {
        clientSign = NtlmCrypto.md5(exportedSessionKey, C2S_SIGN);
        serverSign = NtlmCrypto.md5(exportedSessionKey, S2C_SIGN);
        byte[] sealKey = (flags & NtlmMessages.NEG_128) != 0 ? exportedSessionKey
                : Arrays.copyOf(exportedSessionKey, (flags & NtlmMessages.NEG_56) != 0 ? 7 : 5);
        clientSeal = new NtlmCrypto.Rc4(NtlmCrypto.md5(sealKey, C2S_SEAL));
        serverSeal = new NtlmCrypto.Rc4(NtlmCrypto.md5(sealKey, S2C_SEAL));
        keyExchange = (flags & NtlmMessages.KEY_EXCH) != 0;
    }

    public boolean verifyClient(byte[] data, byte[] signature, int seq) {
        return MessageDigest.isEqual(sign(clientSign, clientSeal, data, seq), signature);
    }

    public byte[] signServer(byte[] data, int seq) {
        return sign(serverSign, serverSeal, data, seq);
    }

    private byte[] sign(byte[] key, NtlmCrypto.Rc4 seal, byte[] data, int seq) {
        byte[] seqBytes = {(byte) seq, (byte) (seq >>> 8), (byte) (seq >>> 16), (byte) (seq >>> 24)};
        byte[] checksum = Arrays.copyOf(NtlmCrypto.hmacMd5(key, seqBytes, data), 8);
        if (keyExchange) {
            checksum = seal.apply(checksum);
        }
        byte[] out = new byte[16];
        out[0] = 1;
        System.arraycopy(checksum, 0, out, 4, 8);
        System.arraycopy(seqBytes, 0, out, 12, 4);
        return out;
    }
}
