package io.dittofs.gateway.nfs.v4.state;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An NFSv4.1 session (RFC 8881 §2.10): its fore-channel slot table and, per slot, the sequence id
 * last seen and the whole reply to it (the exactly-once replay cache). Slots are guarded by this
 * object's monitor; see {@link ClientStates} for the lock order.
 */
public final class Session {

    /** What a SEQUENCE found in its slot. */
    public enum SlotCheck { NEW, REPLAY, RETRY_UNCACHED, MISORDERED, BADSLOT }

    private final byte[] id;
    private final long clientId;
    private final int maxOps;
    private final Limits limits;
    private final long[] seqids;
    private final byte[][] replies;

    /**
     * The fore channel's negotiated sizes (RFC 8881 §18.36): requests above {@code maxRequest} are
     * REQ_TOO_BIG, replies above {@code maxResponse} REP_TOO_BIG, and a reply the client asked to
     * be cached above {@code maxResponseCached} REP_TOO_BIG_TO_CACHE.
     */
    public record Limits(long maxRequest, long maxResponse, long maxResponseCached) {
        public static final Limits NONE = new Limits(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE);
    }

    /** The callback program and connection of the back channel, once the client offered one. */
    private volatile int callbackProgram;
    private volatile io.dittofs.gateway.rpc.RpcClient backChannel;

    private volatile io.dittofs.gateway.rpc.Credential callbackCredential;
    /** The minor version of CREATE_SESSION, which callbacks carry too (clients refuse others, RFC 8881 §20). */
    private volatile int minor = 1;
    /** The back channel's one slot (0): its sequence id, and the callbacks queued behind one another on it. */
    private int callbackSeq;
    private java.util.concurrent.CompletableFuture<?> callbackTail = java.util.concurrent.CompletableFuture.completedFuture(null);

    public Session(byte[] id, long clientId, int slots, int maxOps) {
        this(id, clientId, slots, maxOps, Limits.NONE);
    }

    public Session(byte[] id, long clientId, int slots, int maxOps, Limits limits) {
        this.id = id.clone();
        this.clientId = clientId;
        this.maxOps = maxOps;
        this.limits = limits;
        this.seqids = new long[slots];
        this.replies = new byte[slots][];
    }

    public byte[] id() {
        return id.clone();
    }

    public String key() {
        return HexFormat.of().formatHex(id);
    }

    public long clientId() {
        return clientId;
    }

    public int slots() {
        return seqids.length;
    }

    public int maxOps() {
        return maxOps;
    }

    public Limits limits() {
        return limits;
    }

    public int minor() {
        return minor;
    }

    public void minor(int minorVersion) {
        minor = minorVersion;
    }

    public int callbackProgram() {
        return callbackProgram;
    }

    public void callbackProgram(int program) {
        callbackProgram = program;
    }

    /** The credential callbacks carry (CREATE_SESSION's or BACKCHANNEL_CTL's csa_sec_parms); AUTH_NONE when none fits. */
    public io.dittofs.gateway.rpc.Credential callbackCredential() {
        var c = callbackCredential;
        return c == null ? new io.dittofs.gateway.rpc.Credential.None() : c;
    }

    public void callbackCredential(io.dittofs.gateway.rpc.Credential credential) {
        callbackCredential = credential;
    }

    /**
     * Runs {@code call} with the next sequence id of back-channel slot 0 once the previous callback
     * on this session has completed: one slot, so one CB_COMPOUND at a time (RFC 8881 §2.10.6.3).
     */
    public synchronized <T> java.util.concurrent.CompletableFuture<T> nextCallback(
            java.util.function.IntFunction<java.util.concurrent.CompletableFuture<T>> call) {
        var result = callbackTail.handle((x, e) -> null).thenCompose(x -> {
            int seq;
            synchronized (this) {
                seq = ++callbackSeq;
            }
            return call.apply(seq);
        });
        callbackTail = result;
        return result;
    }

    /** The connection callbacks go over (CREATE_SESSION with CONN_BACK_CHAN, BIND_CONN_TO_SESSION), if any. */
    public java.util.Optional<io.dittofs.gateway.rpc.RpcClient> backChannel() {
        return java.util.Optional.ofNullable(backChannel);
    }

    public void backChannel(io.dittofs.gateway.rpc.RpcClient connection) {
        backChannel = connection;
    }

    /** Checks {@code seqid} against the slot; a NEW request advances it (RFC 8881 §2.10.6.1). */
    public synchronized SlotCheck use(int slot, int seqid) {
        if (slot < 0 || slot >= seqids.length) {
            return SlotCheck.BADSLOT;
        }
        long s = Integer.toUnsignedLong(seqid);
        long expected = (seqids[slot] + 1) & 0xffffffffL;
        if (s == expected) {
            seqids[slot] = s;
            replies[slot] = null;
            return SlotCheck.NEW;
        }
        if (s == seqids[slot]) {
            return replies[slot] == null ? SlotCheck.RETRY_UNCACHED : SlotCheck.REPLAY;
        }
        return SlotCheck.MISORDERED;
    }

    public synchronized byte[] cached(int slot) {
        return replies[slot] == null ? null : replies[slot].clone();
    }

    /** The complete COMPOUND reply to the slot's current request. */
    public synchronized void remember(int slot, byte[] reply) {
        if (slot >= 0 && slot < replies.length) {
            replies[slot] = reply.clone();
        }
    }

    @Override
    public String toString() {
        return "Session[" + key() + " client " + clientId + " " + Arrays.toString(seqids) + "]";
    }
}
