package io.dittofs.nfsclient.v4;

import io.dittofs.nfsclient.RpcClient;
import io.dittofs.nfsclient.RpcException;
import io.dittofs.nfsclient.XdrIn;
import io.dittofs.nfsclient.XdrOut;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The client's side of the NFSv4.1 back channel (RFC 8881 §20): CB_NULL, and CB_COMPOUND with
 * CB_SEQUENCE and CB_RECALL. A recall is answered at once and the delegation returned from
 * another thread, since the reader thread that serves this call also delivers DELEGRETURN's reply.
 * Other callback operations answer NFS4ERR_NOTSUPP, which tells the server to recall instead.
 */
public final class Nfs4Callbacks implements RpcClient.CallHandler {

    static final int CB_RECALL = 4;
    static final int CB_SEQUENCE = 11;
    private static final int NFS4ERR_NOTSUPP = 10004;
    private static final int NFS4ERR_BADXDR = 10036;
    private static final int MAX_OPS = 16;

    /** A CB_RECALL received: the file and the delegation stateid recalled. */
    public record Recall(byte[] fh, Stateid delegation) {
    }

    /** Returns a recalled delegation (DELEGRETURN). */
    @FunctionalInterface
    interface Returner {
        void giveBack(byte[] fh, Stateid delegation);
    }

    private final Returner returner;
    private final LinkedBlockingQueue<Recall> recalls = new LinkedBlockingQueue<>();
    private final AtomicInteger returned = new AtomicInteger();
    private final AtomicInteger failedReturns = new AtomicInteger();

    Nfs4Callbacks(Returner returner) {
        this.returner = returner;
    }

    /** The next recall received, waiting up to {@code wait}; null if none came. */
    public Recall awaitRecall(Duration wait) throws InterruptedException {
        return recalls.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Delegations given back with DELEGRETURN so far. */
    public int returned() {
        return returned.get();
    }

    /** DELEGRETURNs the server refused. */
    public int failedReturns() {
        return failedReturns.get();
    }

    @Override
    public byte[] handle(int program, int version, int procedure, XdrIn args) {
        if (procedure == 0) {
            return new byte[0];
        }
        XdrOut res = new XdrOut();
        byte[] tag = args.readOpaque();
        args.readInt();
        args.readInt();
        long n = args.readUnsignedInt();
        XdrOut results = new XdrOut();
        int status = 0;
        int done = 0;
        for (long i = 0; i < Math.min(n, MAX_OPS) && status == 0; i++, done++) {
            int op = args.readInt();
            results.writeInt(op);
            switch (op) {
                case CB_SEQUENCE -> sequence(args, results);
                case CB_RECALL -> recall(args, results);
                default -> {
                    status = NFS4ERR_NOTSUPP;
                    results.writeInt(status);
                }
            }
        }
        if (n > MAX_OPS) {
            status = NFS4ERR_BADXDR;
        }
        return res.writeInt(status).writeOpaque(tag).writeInt(done).writeFixed(results.toByteArray()).toByteArray();
    }

    private static void sequence(XdrIn a, XdrOut r) {
        byte[] session = a.readFixed(16);
        int seq = a.readInt();
        int slot = a.readInt();
        int highest = a.readInt();
        a.readBool();
        long lists = a.readUnsignedInt();
        for (long i = 0; i < lists; i++) {
            a.readFixed(16);
            long calls = a.readUnsignedInt();
            for (long j = 0; j < calls; j++) {
                a.readInt();
                a.readInt();
            }
        }
        r.writeInt(0).writeFixed(session).writeInt(seq).writeInt(slot).writeInt(highest).writeInt(highest);
    }

    private void recall(XdrIn a, XdrOut r) {
        Stateid stateid = Stateid.read(a);
        a.readBool();
        byte[] fh = a.readOpaque();
        r.writeInt(0);
        Thread.ofVirtual().name("nfs4-delegreturn").start(() -> {
            try {
                returner.giveBack(fh, stateid);
                returned.incrementAndGet();
            } catch (RpcException e) {
                failedReturns.incrementAndGet();
            }
            recalls.add(new Recall(fh, stateid));
        });
    }
}
