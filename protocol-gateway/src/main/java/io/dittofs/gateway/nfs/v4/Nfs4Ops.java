package io.dittofs.gateway.nfs.v4;

import io.dittofs.gateway.nfs.v4.ops.Access;
import io.dittofs.gateway.nfs.v4.ops.Allocate;
import io.dittofs.gateway.nfs.v4.ops.GetXattr;
import io.dittofs.gateway.nfs.v4.ops.ListXattrs;
import io.dittofs.gateway.nfs.v4.ops.RemoveXattr;
import io.dittofs.gateway.nfs.v4.ops.Seek;
import io.dittofs.gateway.nfs.v4.ops.SetXattr;
import io.dittofs.gateway.nfs.v4.ops.BackchannelCtl;
import io.dittofs.gateway.nfs.v4.ops.DelegReturn;
import io.dittofs.gateway.nfs.v4.ops.BindConnToSession;
import io.dittofs.gateway.nfs.v4.ops.Close;
import io.dittofs.gateway.nfs.v4.ops.Commit;
import io.dittofs.gateway.nfs.v4.ops.Lock;
import io.dittofs.gateway.nfs.v4.ops.LockT;
import io.dittofs.gateway.nfs.v4.ops.LockU;
import io.dittofs.gateway.nfs.v4.ops.ReleaseLockOwner;
import io.dittofs.gateway.nfs.v4.ops.Open;
import io.dittofs.gateway.nfs.v4.ops.OpenConfirm;
import io.dittofs.gateway.nfs.v4.ops.Read;
import io.dittofs.gateway.nfs.v4.ops.SetAttr;
import io.dittofs.gateway.nfs.v4.ops.Write;
import io.dittofs.gateway.nfs.v4.ops.FreeStateid;
import io.dittofs.gateway.nfs.v4.ops.OpenDowngrade;
import io.dittofs.gateway.nfs.v4.ops.TestStateid;
import io.dittofs.gateway.nfs.v4.ops.Verify;
import io.dittofs.gateway.nfs.v4.ops.Create;
import io.dittofs.gateway.nfs.v4.ops.Link;
import io.dittofs.gateway.nfs.v4.ops.Remove;
import io.dittofs.gateway.nfs.v4.ops.Rename;
import io.dittofs.gateway.nfs.v4.ops.CreateSession;
import io.dittofs.gateway.nfs.v4.ops.DestroyClientId;
import io.dittofs.gateway.nfs.v4.ops.DestroySession;
import io.dittofs.gateway.nfs.v4.ops.ExchangeId;
import io.dittofs.gateway.nfs.v4.ops.GetAttr;
import io.dittofs.gateway.nfs.v4.ops.GetFh;
import io.dittofs.gateway.nfs.v4.ops.Lookup;
import io.dittofs.gateway.nfs.v4.ops.LookupP;
import io.dittofs.gateway.nfs.v4.ops.PutFh;
import io.dittofs.gateway.nfs.v4.ops.PutRootFh;
import io.dittofs.gateway.nfs.v4.ops.ReadDir;
import io.dittofs.gateway.nfs.v4.ops.ReadLink;
import io.dittofs.gateway.nfs.v4.ops.ReclaimComplete;
import io.dittofs.gateway.nfs.v4.ops.Renew;
import io.dittofs.gateway.nfs.v4.ops.RestoreFh;
import io.dittofs.gateway.nfs.v4.ops.SaveFh;
import io.dittofs.gateway.nfs.v4.ops.SecInfo;
import io.dittofs.gateway.nfs.v4.ops.SecInfoNoName;
import io.dittofs.gateway.nfs.v4.ops.Sequence;
import io.dittofs.gateway.nfs.v4.ops.SetClientId;
import io.dittofs.gateway.nfs.v4.ops.SetClientIdConfirm;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The operation table and the per-minor-version rules on which operation may appear where. */
public final class Nfs4Ops {

    public static final int OPEN_CONFIRM = 20;
    public static final int RENEW = 30;
    public static final int SETCLIENTID = 35;
    public static final int SETCLIENTID_CONFIRM = 36;
    public static final int RELEASE_LOCKOWNER = 39;
    public static final int BIND_CONN_TO_SESSION = 41;
    public static final int EXCHANGE_ID = 42;
    public static final int CREATE_SESSION = 43;
    public static final int DESTROY_SESSION = 44;
    public static final int SEQUENCE = 53;
    public static final int DESTROY_CLIENTID = 57;
    public static final int ILLEGAL = 10044;
    /** Last opcode of NFSv4.0, NFSv4.1 and NFSv4.2 (RFC 7862 ends at 71, RFC 8276's xattr operations at 75). */
    private static final int LAST_40 = 39;
    private static final int LAST_41 = 58;
    private static final int LAST_42 = 75;

    /** 4.0-only operations that NFSv4.1 and 4.2 answer NOTSUPP (RFC 8881 §18). */
    private static final Set<Integer> NOT_IN_41 = Set.of(OPEN_CONFIRM, RENEW, SETCLIENTID, SETCLIENTID_CONFIRM,
            RELEASE_LOCKOWNER);
    /** 4.1 operations that may start a compound without SEQUENCE, as its only operation (RFC 8881 §2.10.6.4). */
    private static final Set<Integer> SESSIONLESS = Set.of(EXCHANGE_ID, CREATE_SESSION, DESTROY_SESSION,
            BIND_CONN_TO_SESSION, DESTROY_CLIENTID);

    /**
     * Operations whose second run differs from the first (CLOSE, CREATE, DELEGPURGE, DELEGRETURN,
     * LINK, LOCK, LOCKU, OPEN, OPEN_CONFIRM, OPEN_DOWNGRADE, REMOVE, RENAME, SETATTR, SETCLIENTID,
     * SETCLIENTID_CONFIRM, WRITE, RELEASE_LOCKOWNER): a 4.0 compound reaching one is answered from
     * the reply cache when retransmitted.
     */
    private static final Set<Integer> NON_IDEMPOTENT = Set.of(4, 6, 7, 8, 11, 12, 14, 18, 20, 21, 28, 29, 34,
            SETCLIENTID, SETCLIENTID_CONFIRM, 38, RELEASE_LOCKOWNER);

    private static final Map<Integer, Nfs4Op<?>> OPS = Stream.<Nfs4Op<?>>of(new Access(), new GetAttr(), new GetFh(),
                    new Lookup(), new LookupP(), new PutFh(), new PutRootFh(PutRootFh.PUTPUBFH), new PutRootFh(PutRootFh.PUTROOTFH),
                    new ReadDir(), new ReadLink(), new RestoreFh(), new SaveFh(), new SecInfo(), new SecInfoNoName(),
                    new SetClientId(), new SetClientIdConfirm(), new Renew(), new ExchangeId(), new CreateSession(),
                    new DestroySession(), new Sequence(), new DestroyClientId(), new ReclaimComplete(), new Open(),
                    new OpenConfirm(), new Close(), new Read(), new Write(), new Commit(), new SetAttr(), new Create(), new Remove(),
                    new Rename(), new Link(), new Verify(Verify.VERIFY), new Verify(Verify.NVERIFY), new OpenDowngrade(),
                    new TestStateid(), new FreeStateid(), new BindConnToSession(), new BackchannelCtl(), new Lock(), new LockT(),
                    new LockU(), new ReleaseLockOwner(), new DelegReturn(), new Allocate(), new Seek(), new GetXattr(),
                    new SetXattr(), new ListXattrs(), new RemoveXattr())
            .collect(Collectors.toUnmodifiableMap(Nfs4Op::code, Function.identity()));

    private Nfs4Ops() {
    }

    /** Whether the opcode exists in this minor version (else OP_ILLEGAL). */
    public static boolean defined(int minor, int opcode) {
        return opcode >= 3 && opcode <= (minor == 0 ? LAST_40 : minor == 1 ? LAST_41 : LAST_42);
    }

    public static boolean nonIdempotent(int opcode) {
        return NON_IDEMPOTENT.contains(opcode);
    }

    /** The implementation, or null for a defined operation this server does not implement (NOTSUPP). */
    public static Nfs4Op<?> op(int opcode) {
        return OPS.get(opcode);
    }

    /**
     * The status that forbids {@code opcode} at {@code index} of a compound of {@code count}
     * operations in this minor version, or OK.
     */
    public static int placement(int minor, int opcode, int index, int count) {
        if (minor == 0) {
            return Nfs4Status.OK;
        }
        if (NOT_IN_41.contains(opcode)) {
            return Nfs4Status.NOTSUPP;
        }
        if (index == 0) {
            if (opcode == SEQUENCE) {
                return Nfs4Status.OK;
            }
            if (SESSIONLESS.contains(opcode)) {
                return count == 1 ? Nfs4Status.OK : Nfs4Status.NOT_ONLY_OP;
            }
            return Nfs4Status.OP_NOT_IN_SESSION;
        }
        return opcode == SEQUENCE ? Nfs4Status.SEQUENCE_POS : Nfs4Status.OK;
    }
}
