package io.dittofs.gateway.smb.server;

import io.dittofs.gateway.smb.auth.NtIdentity;
import io.dittofs.gateway.smb.auth.NtlmAuthenticator;
import io.dittofs.gateway.smb.crypto.Smb2Encryption;
import io.dittofs.gateway.smb.crypto.Smb2Signing;
import io.dittofs.gateway.identity.Principal;
import java.net.InetAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import io.dittofs.gateway.access.Decision;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One SMB session (MS-SMB2 3.3.1.8): in progress while NTLM runs, then valid with its identity
 * and signing key. Guest and anonymous sessions have no key and are never signed.
 */
public final class SmbSession {

    enum State { IN_PROGRESS, VALID }

    private final long id;
    private State state = State.IN_PROGRESS;
    private NtlmAuthenticator ntlm;
    private byte[] mechTypes;
    private byte[] preauthHash;
    private Optional<NtIdentity> identity = Optional.empty();
    private boolean guest;
    private boolean anonymous;
    private Smb2Signing signing;
    private boolean signingRequired;
    private Smb2Encryption encryption;
    private boolean encryptData;
    private final Map<Integer, TreeConnect> trees = new HashMap<>();
    private int nextTreeId = 1;

    SmbSession(long id, byte[] connectionPreauthHash) {
        this.id = id;
        this.preauthHash = connectionPreauthHash;
    }

    public long id() {
        return id;
    }

    State state() {
        return state;
    }

    NtlmAuthenticator ntlm() {
        return ntlm;
    }

    void restart(NtlmAuthenticator authenticator, byte[] mechTypeList) {
        this.ntlm = authenticator;
        this.mechTypes = mechTypeList;
    }

    byte[] mechTypes() {
        return mechTypes;
    }

    /** Folds a SESSION_SETUP message into the session's 3.1.1 preauth hash. */
    void preauth(byte[] message) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-512");
            sha.update(preauthHash);
            preauthHash = sha.digest(message);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is part of every JDK", e);
        }
    }

    byte[] preauthHash() {
        return preauthHash.clone();
    }

    void established(Optional<NtIdentity> who, boolean isGuest, boolean isAnonymous, Smb2Signing signer, boolean required) {
        state = State.VALID;
        identity = who;
        guest = isGuest;
        anonymous = isAnonymous;
        signing = signer;
        signingRequired = required && signer != null;
        ntlm = null;
    }

    public Optional<NtIdentity> identity() {
        return identity;
    }

    public boolean guest() {
        return guest;
    }

    public boolean anonymous() {
        return anonymous;
    }

    /** The signer, or null for guest and anonymous sessions. */
    Smb2Signing signing() {
        return signing;
    }

    boolean signingRequired() {
        return signingRequired;
    }

    /** Keys for the transform header (3.x sessions with a key), or null. */
    public Smb2Encryption encryption() {
        return encryption;
    }

    /** Every request after logon must be encrypted (SESSION_FLAG_ENCRYPT_DATA). */
    boolean encryptData() {
        return encryptData;
    }

    void encryption(Smb2Encryption keys, boolean required) {
        encryption = keys;
        encryptData = required && keys != null;
    }

    /** Who the session acts as for the share gate and the file system. */
    public Principal principal(InetAddress client) {
        String addr = client == null ? "" : client.getHostAddress();
        return identity.map(i -> new Principal(i.uid(), i.gid(), i.gids(), false, addr))
                .orElseGet(() -> Principal.anonymous(addr));
    }

    /** Trees a session may hold at once. */
    static final int MAX_TREES = 256;

    /** A new tree connect, or null at {@link #MAX_TREES}. */
    TreeConnect addTree(String share, Decision.Allowed access, boolean ipc, boolean encrypt) {
        if (trees.size() >= MAX_TREES) {
            return null;
        }
        int id = nextTreeId++;
        TreeConnect t = new TreeConnect(id, share, access, ipc, encrypt);
        trees.put(id, t);
        return t;
    }

    public TreeConnect tree(int id) {
        return trees.get(id);
    }

    TreeConnect removeTree(int id) {
        return trees.remove(id);
    }

    java.util.Collection<TreeConnect> trees() {
        return java.util.List.copyOf(trees.values());
    }
}
