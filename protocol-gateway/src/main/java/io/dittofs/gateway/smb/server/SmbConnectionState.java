package io.dittofs.gateway.smb.server;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Per-connection SMB state (MS-SMB2 3.3.1.7): the negotiated dialect, what each side said in
 * NEGOTIATE (for VALIDATE_NEGOTIATE_INFO), the 3.1.1 preauth integrity hash.
 * Confined to the connection's event loop.
 */
public final class SmbConnectionState {

    /** No NEGOTIATE yet, or only the SMB1 / wildcard exchange. */
    public static final int NONE = 0xFFFF;

    private int dialect = NONE;
    private int clientSecurityMode;
    private byte[] clientGuid = new byte[16];
    private byte[] preauthHash = new byte[64];
    private int cipher;
    private int signingAlgorithm = -1;
    private int clientCapabilities;
    private java.util.List<Integer> clientDialects = java.util.List.of();
    private int serverCapabilities;
    private int serverSecurityMode;

    public int dialect() {
        return dialect;
    }

    public boolean negotiated() {
        return dialect != NONE;
    }

    void negotiated(int dialect, int clientSecurityMode, byte[] clientGuid, int cipher, int signingAlgorithm) {
        this.dialect = dialect;
        this.clientSecurityMode = clientSecurityMode;
        this.clientGuid = clientGuid.clone();
        this.cipher = cipher;
        this.signingAlgorithm = signingAlgorithm;
    }

    public int clientSecurityMode() {
        return clientSecurityMode;
    }

    public byte[] clientGuid() {
        return clientGuid.clone();
    }

    /** The cipher chosen in the 3.1.1 encryption context, 0 when none. */
    public int cipher() {
        return cipher;
    }

    /** The signing algorithm chosen in the 3.1.1 signing context, -1 when the dialect decides. */
    public int signingAlgorithm() {
        return signingAlgorithm;
    }

    /** Folds a message into the connection's preauth integrity hash: H = SHA-512(H || message) (MS-SMB2 3.3.5.4). */
    void preauth(byte[] message) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-512");
            sha.update(preauthHash);
            preauthHash = sha.digest(message);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is part of every JDK", e);
        }
    }

    public byte[] preauthHash() {
        return Arrays.copyOf(preauthHash, preauthHash.length);
    }

    void negotiateInfo(int clientCaps, java.util.List<Integer> dialects, int serverCaps, int serverMode) {
        clientCapabilities = clientCaps;
        clientDialects = java.util.List.copyOf(dialects);
        serverCapabilities = serverCaps;
        serverSecurityMode = serverMode;
    }

    /** What the client's NEGOTIATE said, for VALIDATE_NEGOTIATE_INFO (MS-SMB2 3.3.5.15.12). */
    public int clientCapabilities() {
        return clientCapabilities;
    }

    public java.util.List<Integer> clientDialects() {
        return clientDialects;
    }

    /** What the server answered. */
    public int serverCapabilities() {
        return serverCapabilities;
    }

    public int serverSecurityMode() {
        return serverSecurityMode;
    }
}
