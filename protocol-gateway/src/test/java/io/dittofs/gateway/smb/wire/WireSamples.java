package io.dittofs.gateway.smb.wire;

import java.util.List;

/** Valid messages as a client or server builds them, for round trips and as fuzzing seeds. */
public final class WireSamples {

    private WireSamples() {
    }

    public static Smb2Header requestHeader(Smb2Command cmd, long messageId, int credits) {
        return new Smb2Header(1, 0, cmd.code(), credits, 0, 0, messageId, 0xFEFF, 0, 0, 0, null);
    }

    public static NegotiateRequest negotiate311Body() {
        byte[] guid = new byte[16];
        guid[3] = 7;
        return new NegotiateRequest(1, 0x7f, guid,
                List.of(Dialect.SMB_2_0_2, Dialect.SMB_2_1, Dialect.SMB_3_0, Dialect.SMB_3_0_2, Dialect.SMB_3_1_1),
                List.of(new NegotiateContext.PreauthIntegrity(List.of(NegotiateContext.HASH_SHA512), new byte[32]),
                        new NegotiateContext.Encryption(List.of(4, 3, 2, 1)),
                        new NegotiateContext.Other(5, "server".getBytes(java.nio.charset.StandardCharsets.UTF_16LE)),
                        new NegotiateContext.Signing(List.of(2, 1, 0))));
    }

    public static byte[] negotiateRequest311() {
        return negotiateRequest(negotiate311Body());
    }

    public static byte[] negotiateRequest(NegotiateRequest body) {
        return negotiateRequest(body, 0);
    }

    /** A NEGOTIATE asking for 64 credits; message id 1 follows an SMB1 upgrade (id 0 was the wildcard answer). */
    public static byte[] negotiateRequest(NegotiateRequest body, long messageId) {
        SmbWriter w = new SmbWriter(256);
        requestHeader(Smb2Command.NEGOTIATE, messageId, 64).encode(w);
        body.encode(w);
        return w.toByteArray();
    }

    public static byte[] negotiateResponse311() {
        SmbWriter w = new SmbWriter(256);
        requestHeader(Smb2Command.NEGOTIATE, 0, 1).reply(0, 1, 0).encode(w);
        new NegotiateResponse(1, Dialect.SMB_3_1_1, new byte[16], 4, 1 << 20, 1 << 20, 1 << 20, 1234L,
                new byte[] {0x60, 0x01, 0x02},
                List.of(new NegotiateContext.PreauthIntegrity(List.of(1), new byte[32]),
                        new NegotiateContext.Encryption(List.of(2))))
                .encode(w);
        return w.toByteArray();
    }

    public static byte[] echo(long messageId, int flags) {
        SmbWriter w = new SmbWriter(80);
        Smb2Header h = requestHeader(Smb2Command.ECHO, messageId, 1);
        new Smb2Header(h.creditCharge(), 0, h.command(), 1, flags, 0, messageId, 0xFEFF, 0, 0, 0, null).encode(w);
        new EchoMessage().encode(w);
        return w.toByteArray();
    }

    public static byte[] echoCompound(int n) {
        List<byte[]> parts = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            parts.add(echo(10 + i, i == 0 ? 0 : Smb2Header.FLAGS_RELATED_OPERATIONS));
        }
        return Smb2Frame.join(parts);
    }
}
