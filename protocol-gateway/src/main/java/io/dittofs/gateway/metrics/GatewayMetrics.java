package io.dittofs.gateway.metrics;

import io.dittofs.contracts.grpc.SlowCalls;
import io.dittofs.gateway.nfs.v3.Nfs3Status;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.smb.wire.NtStatus;
import io.dittofs.gateway.smb.wire.Smb2Command;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Every protocol meter of one gateway, built once at start-up (names from the RFCs and MS-SMB2):
 * ONC RPC calls per program ({@link #rpc()}), the operations inside NFSv4 COMPOUNDs
 * ({@link #nfs4Operations()}), SMB2 commands ({@link #smb2()}) and the duplicate request cache.
 * Without a registry and with slow-call logging off everything is {@link ProtocolOps#DISABLED}.
 */
public final class GatewayMetrics {

    /** Counter, tag outcome: reads tried on the event loop and answered there (inline) or handed off (would_block). */
    public static final String RPC_INLINE = "dittofs.rpc.inline";
    /** Counter, tags cache (drc), result (hit, in_progress, miss). */
    public static final String CACHE_REQUESTS = "dittofs.cache.requests";

    private static final String[] NFS3 = {"NULL", "GETATTR", "SETATTR", "LOOKUP", "ACCESS", "READLINK", "READ",
        "WRITE", "CREATE", "MKDIR", "SYMLINK", "MKNOD", "REMOVE", "RMDIR", "RENAME", "LINK", "READDIR",
        "READDIRPLUS", "FSSTAT", "FSINFO", "PATHCONF", "COMMIT"};
    private static final String[] NFS4 = {"NULL", "COMPOUND"};
    private static final String[] MOUNT = {"NULL", "MNT", "DUMP", "UMNT", "UMNTALL", "EXPORT"};
    private static final String[] PORTMAP = {"NULL", "SET", "UNSET", "GETPORT", "DUMP", "CALLIT", "GETTIME",
        "UADDR2TADDR", "TADDR2UADDR", "GETVERSADDR", "INDIRECT", "GETADDRLIST", "GETSTAT"};
    private static final String[] NLM = {"NULL", "TEST", "LOCK", "CANCEL", "UNLOCK", "GRANTED", "TEST_MSG",
        "LOCK_MSG", "CANCEL_MSG", "UNLOCK_MSG", "GRANTED_MSG", "TEST_RES", "LOCK_RES", "CANCEL_RES",
        "UNLOCK_RES", "GRANTED_RES", null, null, null, null, "SHARE", "UNSHARE", "NM_LOCK", "FREE_ALL"};
    private static final String[] NSM = {"NULL", "STAT", "MON", "UNMON", "UNMON_ALL", "SIMU_CRASH", "NOTIFY"};
    /** NFSv4.0/4.1 operation names by opcode (RFC 7530 §16, RFC 8881 §18); 0-2 are unused. */
    private static final String[] NFS4_OPS = {null, null, null, "ACCESS", "CLOSE", "COMMIT", "CREATE",
        "DELEGPURGE", "DELEGRETURN", "GETATTR", "GETFH", "LINK", "LOCK", "LOCKT", "LOCKU", "LOOKUP", "LOOKUPP",
        "NVERIFY", "OPEN", "OPENATTR", "OPEN_CONFIRM", "OPEN_DOWNGRADE", "PUTFH", "PUTPUBFH", "PUTROOTFH", "READ",
        "READDIR", "READLINK", "REMOVE", "RENAME", "RENEW", "RESTOREFH", "SAVEFH", "SECINFO", "SETATTR",
        "SETCLIENTID", "SETCLIENTID_CONFIRM", "VERIFY", "WRITE", "RELEASE_LOCKOWNER", "BACKCHANNEL_CTL",
        "BIND_CONN_TO_SESSION", "EXCHANGE_ID", "CREATE_SESSION", "DESTROY_SESSION", "FREE_STATEID",
        "GET_DIR_DELEGATION", "GETDEVICEINFO", "GETDEVICELIST", "LAYOUTCOMMIT", "LAYOUTGET", "LAYOUTRETURN",
        "SECINFO_NO_NAME", "SEQUENCE", "SET_SSV", "TEST_STATEID", "WANT_DELEGATION", "DESTROY_CLIENTID",
        "RECLAIM_COMPLETE"};

    private final RpcOps rpc;
    private final ProtocolOps nfs4Operations;
    private final ProtocolOps smb2;
    private final Counter drcHit;
    private final Counter drcInProgress;
    private final Counter drcMiss;
    private final Counter inlineAnswered;
    private final Counter inlineWouldBlock;

    private GatewayMetrics() {
        rpc = RpcOps.DISABLED;
        nfs4Operations = ProtocolOps.DISABLED;
        smb2 = ProtocolOps.DISABLED;
        drcHit = null;
        drcInProgress = null;
        drcMiss = null;
        inlineAnswered = null;
        inlineWouldBlock = null;
    }

    /** @param registry null = no meters; with {@code slow} off as well, nothing is measured */
    public GatewayMetrics(MeterRegistry registry, SlowCalls slow) {
        IntFunction<String> nfs3Status = StatusNames.of(Nfs3Status.class);
        IntFunction<String> nfs4Status = StatusNames.of(Nfs4Status.class);
        List<RpcOps.Entry> entries = new ArrayList<>();
        ProtocolOps nfs3 = new ProtocolOps(registry, slow, "nfs3", NFS3, nfs3Status);
        entries.add(new RpcOps.Entry(100003, 3, nfs3, proc -> proc != 0));
        ProtocolOps nfs4 = new ProtocolOps(registry, slow, "nfs4", NFS4, nfs4Status);
        entries.add(new RpcOps.Entry(100003, 4, nfs4, proc -> proc == 1));
        // mountstat3 shares nfsstat3's numbers and names
        ProtocolOps mount = new ProtocolOps(registry, slow, "mount", MOUNT, nfs3Status);
        for (int v = 1; v <= 3; v++) {
            entries.add(new RpcOps.Entry(100005, v, mount, proc -> proc == 1));
        }
        ProtocolOps portmap = new ProtocolOps(registry, slow, "portmap", PORTMAP, StatusNames::okOrRpc);
        for (int v = 2; v <= 4; v++) {
            entries.add(new RpcOps.Entry(100000, v, portmap, proc -> false));
        }
        ProtocolOps nlm = new ProtocolOps(registry, slow, "nlm", NLM, StatusNames::okOrRpc);
        for (int v : new int[] {1, 3, 4}) {
            entries.add(new RpcOps.Entry(100021, v, nlm, proc -> false));
        }
        entries.add(new RpcOps.Entry(100024, 1, new ProtocolOps(registry, slow, "nsm", NSM, StatusNames::okOrRpc),
                proc -> false));
        rpc = new RpcOps(entries.toArray(RpcOps.Entry[]::new));
        nfs4Operations = new ProtocolOps(registry, slow, "nfs4-op", NFS4_OPS, nfs4Status);
        smb2 = new ProtocolOps(registry, slow, "smb2",
                Arrays.stream(Smb2Command.values()).map(Enum::name).toArray(String[]::new), StatusNames.of(NtStatus.class));
        if (registry != null) {
            drcHit = drc(registry, "hit");
            drcInProgress = drc(registry, "in_progress");
            drcMiss = drc(registry, "miss");
            inlineAnswered = Counter.builder(RPC_INLINE).tag("outcome", "inline").register(registry);
            inlineWouldBlock = Counter.builder(RPC_INLINE).tag("outcome", "would_block").register(registry);
        } else {
            drcHit = null;
            drcInProgress = null;
            drcMiss = null;
            inlineAnswered = null;
            inlineWouldBlock = null;
        }
    }

    public static GatewayMetrics disabled() {
        return new GatewayMetrics();
    }

    private static Counter drc(MeterRegistry registry, String result) {
        return Counter.builder(CACHE_REQUESTS).tag("cache", "drc").tag("result", result).register(registry);
    }

    public RpcOps rpc() {
        return rpc;
    }

    /** The operations inside NFSv4 COMPOUNDs, by opcode (the COMPOUND itself is in {@link #rpc()}). */
    public ProtocolOps nfs4Operations() {
        return nfs4Operations;
    }

    public ProtocolOps smb2() {
        return smb2;
    }

    /** A read was tried on the event loop: answered there, or it would have blocked and was handed off. */
    public void inline(boolean answered) {
        if (inlineAnswered != null) {
            (answered ? inlineAnswered : inlineWouldBlock).increment();
        }
    }

    /** A non-idempotent call was looked up in the duplicate request cache. */
    public void drc(boolean hit, boolean inProgress) {
        if (drcHit != null) {
            (hit ? drcHit : inProgress ? drcInProgress : drcMiss).increment();
        }
    }
}
