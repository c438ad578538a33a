package io.dittofs.gateway.smb.server;

import io.dittofs.gateway.transport.TransportSettings;

/**
 * @param maxFrameBytes   largest direct-TCP frame accepted (at most 16 MiB - 1, the 24-bit length)
 * @param maxCompound     messages one frame may compound
 * @param maxIoBytes      MaxReadSize / MaxWriteSize / MaxTransactSize offered in NEGOTIATE
 * @param maxCredits      credits a connection may hold; grants never exceed it
 * @param serverGuid      16 bytes identifying this server to clients (stable across restarts)
 * @param signingRequired NEGOTIATE announces SIGNING_REQUIRED and authenticated sessions are signed
 * @param netbiosName     the server name NTLM announces (CHALLENGE target)
 * @param domain          the NetBIOS domain NTLM announces
 * @param allowGuest      an unknown user gets a guest session (shares decide what guests may do)
 * @param allowAnonymous  an empty NTLM logon gets an anonymous (null) session
 * @param maxSessions     sessions one connection may hold
 * @param encryptionRequired every session of 3.x must encrypt (SESSION_FLAG_ENCRYPT_DATA); 2.x logons are refused
 * @param encryptedShares names of shares (case-insensitive) whose trees must encrypt (SHAREFLAG_ENCRYPT_DATA)
 */
public record SmbServerSettings(int maxFrameBytes, int maxCompound, int maxIoBytes, int maxCredits,
                                byte[] serverGuid, boolean signingRequired, String netbiosName, String domain,
                                boolean allowGuest, boolean allowAnonymous, int maxSessions,
                                TransportSettings transport, boolean encryptionRequired,
                                java.util.Set<String> encryptedShares) {

    /** Without encryption requirements. */
    public SmbServerSettings(int maxFrameBytes, int maxCompound, int maxIoBytes, int maxCredits, byte[] serverGuid,
                             boolean signingRequired, String netbiosName, String domain, boolean allowGuest,
                             boolean allowAnonymous, int maxSessions, TransportSettings transport) {
        this(maxFrameBytes, maxCompound, maxIoBytes, maxCredits, serverGuid, signingRequired, netbiosName, domain,
                allowGuest, allowAnonymous, maxSessions, transport, false, java.util.Set.of());
    }

    public SmbServerSettings {
        if (serverGuid.length != 16) {
            throw new IllegalArgumentException("serverGuid must be 16 bytes");
        }
        if (maxCompound < 1 || maxCredits < 1 || maxIoBytes < 65536) {
            throw new IllegalArgumentException("maxCompound and maxCredits must be positive, maxIoBytes at least 64 KiB");
        }
        serverGuid = serverGuid.clone();
        encryptedShares = encryptedShares.stream().map(n -> n.toLowerCase(java.util.Locale.ROOT))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    public boolean shareEncrypted(String share) {
        return share != null && encryptedShares.contains(share.toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public byte[] serverGuid() {
        return serverGuid.clone();
    }
}
