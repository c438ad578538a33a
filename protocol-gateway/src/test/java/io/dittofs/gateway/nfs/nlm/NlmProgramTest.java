package io.dittofs.gateway.nfs.nlm;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.gateway.fs.model.FsStatus;
import io.dittofs.gateway.locks.GrpcLockManager;
import io.dittofs.gateway.nfs.nsm.NsmProgram;
import io.dittofs.gateway.nfs.nsm.NsmState;
import io.dittofs.gateway.nfs.nsm.NsmXdr;
import io.dittofs.gateway.rpc.CallContext;
import io.dittofs.gateway.rpc.Credential;
import io.dittofs.gateway.rpc.DuplicateRequestCache;
import io.dittofs.gateway.rpc.Outcome;
import io.dittofs.gateway.rpc.RpcCall;
import io.dittofs.gateway.rpc.RpcClient;
import io.dittofs.gateway.rpc.RpcDispatcher;
import io.dittofs.gateway.rpc.RpcProgram;
import io.dittofs.gateway.rpc.RpcRegistry;
import io.dittofs.gateway.rpc.RpcReply;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;
import io.dittofs.gateway.rpc.auth.AuthFlavors;
import io.dittofs.gateway.rpc.callback.RpcConnector;
import io.dittofs.gateway.rpc.server.RpcServer;
import io.dittofs.gateway.transport.TransportSettings;
import io.dittofs.lock.core.LockCore;
import io.dittofs.lock.core.LockSettings;
import io.dittofs.lock.grpc.LockGrpcService;
import io.dittofs.lock.store.memory.MemoryLockStore;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * NLM and NSM over real sockets against the real lock-service (memory store, in-process gRPC): the
 * test plays two client hosts, one of which runs its own portmapper and NLM callback service to
 * receive GRANTED.
 */
class NlmProgramTest {

    static final byte[] FH = {1, 0, 0, 0, 1, 42};
    static final byte[] STALE = {(byte) 0xff};

    final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    final List<AutoCloseable> closing = new ArrayList<>();
    final BlockingQueue<NlmXdr.TestArgs> granted = new LinkedBlockingQueue<>();
    volatile int grantedAnswer = NlmStatus.GRANTED;
    RpcServer gateway;
    RpcConnector connector;
    RpcClient client;

    @BeforeEach
    void start() throws Exception {
        String name = "nlm-test-" + UUID.randomUUID();
        LockCore core = LockCore.system(new MemoryLockStore(), new LockSettings(Duration.ZERO, Duration.ofSeconds(35)));
        Server lockServer = InProcessServerBuilder.forName(name).addService(new LockGrpcService(core)).build().start();
        ManagedChannel channel = InProcessChannelBuilder.forName(name).build();
        closing.add(core::close);
        closing.add(lockServer::shutdownNow);
        closing.add(channel::shutdownNow);
        GrpcLockManager locks = new GrpcLockManager(channel, "gw-1");

        RpcServer clientHost = server(new ClientHostPortmap(), new ClientHostNlm());
        clientHostPort = clientHost.port();
        connector = RpcConnector.standalone(64 * 1024, Duration.ofSeconds(5));
        closing.add(connector);
        NlmCallbacks callbacks = new NlmCallbacks(a -> connector.connect(a).thenApply(c -> (RpcClient) c),
                clientHost.port());
        NlmHosts hosts = new NlmHosts(locks);
        NlmShares shares = new NlmShares();
        closing.add(locks.watch(new NlmGrants(hosts, locks, callbacks)));
        NlmFiles files = (ctx, fh, write) -> fh.length > 0 && fh[0] == (byte) 0xff ? FsStatus.STALE : FsStatus.OK;
        gateway = server(new NlmProgram(locks, hosts, files, shares, callbacks),
                new NsmProgram(new NsmState(System.currentTimeMillis() / 1000), name2 -> {
                    hosts.release(name2).ifPresent(shares::forget);
                }));
        client = connector.connect(new InetSocketAddress("127.0.0.1", gateway.port())).get(5, TimeUnit.SECONDS);
    }

    int clientHostPort;

    @AfterEach
    void stop() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
        executor.shutdownNow();
    }

    RpcServer server(RpcProgram... programs) {
        RpcServer s = RpcServer.start("127.0.0.1", 0, new RpcDispatcher(RpcRegistry.of(List.of(programs)),
                new DuplicateRequestCache(64), AuthFlavors.standard()), executor, new RpcServer.Settings(64 * 1024,
                false, Duration.ofSeconds(5), TransportSettings.defaults(64, 16, Duration.ofMinutes(1))));
        closing.add(s);
        return s;
    }

    XdrReader call(int program, int version, int proc, Consumer<XdrWriter> args) throws Exception {
        RpcReply r = client.call(program, version, proc, new Credential.Sys(0, "client", 0, 0, List.of()), args)
                .get(10, TimeUnit.SECONDS);
        assertThat(r.status().success()).as("accepted SUCCESS").isTrue();
        return new XdrReader(Unpooled.wrappedBuffer(r.results()));
    }

    static NlmXdr.Lock lock(String host, int svid, long offset, long length) {
        return new NlmXdr.Lock(host, FH, ("oh-" + host + svid).getBytes(), svid, offset, length);
    }

    int lock(int version, NlmXdr.Lock l, boolean exclusive, boolean block) throws Exception {
        return NlmXdr.res(call(NlmProgram.PROGRAM, version, 2, w -> {
            w.writeOpaque(new byte[] {7}).writeBool(block).writeBool(exclusive);
            NlmXdr.writeLock(w, version, l);
            w.writeBool(false).writeInt(1);
        })).stat();
    }

    NlmXdr.TestRes test(int version, NlmXdr.Lock l, boolean exclusive) throws Exception {
        return NlmXdr.testRes(call(NlmProgram.PROGRAM, version, 1,
                w -> NlmXdr.writeTestArgs(w, version, new NlmXdr.TestArgs(new byte[] {8}, exclusive, l))), version);
    }

    int unlock(int version, NlmXdr.Lock l) throws Exception {
        return NlmXdr.res(call(NlmProgram.PROGRAM, version, 4, w -> {
            w.writeOpaque(new byte[] {9});
            NlmXdr.writeLock(w, version, l);
        })).stat();
    }

    int cancel(int version, NlmXdr.Lock l, boolean exclusive) throws Exception {
        return NlmXdr.res(call(NlmProgram.PROGRAM, version, 3, w -> {
            w.writeOpaque(new byte[] {10}).writeBool(true).writeBool(exclusive);
            NlmXdr.writeLock(w, version, l);
        })).stat();
    }

    int share(int proc, String host, int access, int deny) throws Exception {
        XdrReader r = call(NlmProgram.PROGRAM, 4, proc, w -> w.writeOpaque(new byte[] {1}).writeString(host)
                .writeOpaque(FH).writeOpaque(host.getBytes()).writeInt(deny).writeInt(access).writeBool(false));
        NlmXdr.cookie(r);
        return r.readInt();
    }

    @Test
    void conflictingLocksAreDeniedAndTestNamesTheHolder() throws Exception {
        assertThat(lock(4, lock("hostA", 11, 0, 100), true, false)).isEqualTo(NlmStatus.GRANTED);
        assertThat(lock(4, lock("hostB", 22, 50, 10), false, false)).isEqualTo(NlmStatus.DENIED);
        NlmXdr.TestRes t = test(4, lock("hostB", 22, 99, 0), false);
        assertThat(t.stat()).isEqualTo(NlmStatus.DENIED);
        assertThat(t.holder().svid()).isEqualTo(11);
        assertThat(t.holder().exclusive()).isTrue();
        assertThat(t.holder().offset()).isZero();
        assertThat(t.holder().length()).isEqualTo(100);
        // past the locked range there is no conflict; shared locks share
        assertThat(test(4, lock("hostB", 22, 100, 0), true).stat()).isEqualTo(NlmStatus.GRANTED);
        assertThat(lock(4, lock("hostB", 22, 200, 10), false, false)).isEqualTo(NlmStatus.GRANTED);
        assertThat(lock(4, lock("hostA", 11, 200, 10), false, false)).isEqualTo(NlmStatus.GRANTED);
    }

    @Test
    void posixUnlockSplitsARange() throws Exception {
        assertThat(lock(4, lock("hostA", 1, 0, 300), true, false)).isEqualTo(NlmStatus.GRANTED);
        assertThat(unlock(4, lock("hostA", 1, 100, 100))).isEqualTo(NlmStatus.GRANTED);
        assertThat(lock(4, lock("hostB", 2, 120, 10), true, false)).isEqualTo(NlmStatus.GRANTED);
        assertThat(lock(4, lock("hostB", 2, 250, 10), true, false)).isEqualTo(NlmStatus.DENIED);
        assertThat(unlock(4, lock("hostA", 1, 0, 0))).isEqualTo(NlmStatus.GRANTED);
        assertThat(lock(4, lock("hostB", 2, 250, 10), true, false)).isEqualTo(NlmStatus.GRANTED);
    }

    @Test
    void aBlockedLockIsGrantedByCallbackWhenTheHolderUnlocks() throws Exception {
        assertThat(lock(4, lock("hostA", 1, 0, 0), true, false)).isEqualTo(NlmStatus.GRANTED);
        assertThat(lock(4, lock("hostB", 2, 10, 5), true, true)).isEqualTo(NlmStatus.BLOCKED);
        assertThat(granted.poll(300, TimeUnit.MILLISECONDS)).as("nothing granted while A holds").isNull();
        assertThat(unlock(4, lock("hostA", 1, 0, 0))).isEqualTo(NlmStatus.GRANTED);
        NlmXdr.TestArgs g = granted.poll(10, TimeUnit.SECONDS);
        assertThat(g).as("GRANTED callback").isNotNull();
        assertThat(g.lock().callerName()).isEqualTo("hostB");
        assertThat(g.lock().svid()).isEqualTo(2);
        assertThat(g.lock().offset()).isEqualTo(10);
        assertThat(g.lock().length()).isEqualTo(5);
        assertThat(g.lock().fh()).containsExactly(FH);
        assertThat(g.exclusive()).isTrue();
        assertThat(test(4, lock("hostA", 1, 12, 1), false).holder().svid()).isEqualTo(2);
    }

    @Test
    void aGrantTheClientRefusesIsReleased() throws Exception {
        grantedAnswer = NlmStatus.DENIED;
        assertThat(lock(4, lock("hostA", 1, 0, 0), true, false)).isEqualTo(NlmStatus.GRANTED);
        assertThat(lock(4, lock("hostB", 2, 0, 0), true, true)).isEqualTo(NlmStatus.BLOCKED);
        assertThat(unlock(4, lock("hostA", 1, 0, 0))).isEqualTo(NlmStatus.GRANTED);
        assertThat(granted.poll(10, TimeUnit.SECONDS)).isNotNull();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (test(4, lock("hostC", 3, 0, 0), true).stat() != NlmStatus.GRANTED && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(test(4, lock("hostC", 3, 0, 0), true).stat()).isEqualTo(NlmStatus.GRANTED);
    }

    @Test
    void cancelWithdrawsAQueuedLock() throws Exception {
        assertThat(lock(4, lock("hostA", 1, 0, 0), true, false)).isEqualTo(NlmStatus.GRANTED);
        assertThat(lock(4, lock("hostB", 2, 0, 0), true, true)).isEqualTo(NlmStatus.BLOCKED);
        assertThat(cancel(4, lock("hostB", 2, 0, 0), true)).isEqualTo(NlmStatus.GRANTED);
        assertThat(cancel(4, lock("hostB", 2, 0, 0), true)).as("nothing left to cancel").isEqualTo(NlmStatus.DENIED);
        assertThat(unlock(4, lock("hostA", 1, 0, 0))).isEqualTo(NlmStatus.GRANTED);
        assertThat(granted.poll(500, TimeUnit.MILLISECONDS)).as("a cancelled request is never granted").isNull();
        assertThat(test(4, lock("hostC", 3, 0, 0), true).stat()).isEqualTo(NlmStatus.GRANTED);
    }

    @Test
    void freeAllAndRebootNotificationDropAHostsLocks() throws Exception {
        assertThat(lock(4, lock("hostA", 1, 0, 10), true, false)).isEqualTo(NlmStatus.GRANTED);
        assertThat(lock(4, lock("hostD", 4, 20, 10), true, false)).isEqualTo(NlmStatus.GRANTED);
        call(NlmProgram.PROGRAM, 4, 23, w -> w.writeString("hostA").writeInt(3));
        assertThat(lock(4, lock("hostB", 2, 0, 10), true, false)).isEqualTo(NlmStatus.GRANTED);
        assertThat(lock(4, lock("hostB", 2, 20, 10), true, false)).isEqualTo(NlmStatus.DENIED);
        call(NsmProgram.PROGRAM, 1, 6, w -> NsmXdr.writeStatChange(w, new NsmXdr.StatChange("hostD", 5)));
        assertThat(lock(4, lock("hostB", 2, 20, 10), true, false)).isEqualTo(NlmStatus.GRANTED);
        // a host that comes back after FREE_ALL locks again as a fresh client
        assertThat(lock(4, lock("hostA", 1, 40, 10), true, false)).isEqualTo(NlmStatus.GRANTED);
    }

    @Test
    void thirtyTwoBitVersionsAndVersionFourSeeTheSameLocks() throws Exception {
        assertThat(lock(1, lock("hostA", 1, 0, 100), true, false)).isEqualTo(NlmStatus.GRANTED);
        assertThat(lock(3, lock("hostB", 2, 50, 1), true, false)).isEqualTo(NlmStatus.DENIED);
        assertThat(test(4, lock("hostB", 2, 99, 1), true).holder().svid()).isEqualTo(1);
        // version 1 has no SHARE
        RpcReply r = client.call(NlmProgram.PROGRAM, 1, 20, new Credential.None(), w -> {
        }).get(5, TimeUnit.SECONDS);
        assertThat(r.status().success()).isFalse();
    }

    @Test
    void staleHandlesAndOversizedRangesAreRefused() throws Exception {
        NlmXdr.Lock stale = new NlmXdr.Lock("hostA", STALE, new byte[] {1}, 1, 0, 0);
        assertThat(lock(4, stale, true, false)).isEqualTo(NlmStatus.STALE_FH);
        assertThat(lock(1, stale, true, false)).as("v1 knows no STALE_FH").isEqualTo(NlmStatus.DENIED_NOLOCKS);
        assertThat(lock(4, lock("hostA", 1, Long.MAX_VALUE, 10), true, false)).isEqualTo(NlmStatus.FBIG);
    }

    @Test
    void shareReservationsConflictLikeDenyModes() throws Exception {
        // hostA reads and writes, denying writers; hostB's writer is refused, its reader admitted
        assertThat(share(20, "hostA", 3, 2)).isEqualTo(NlmStatus.GRANTED);
        assertThat(share(20, "hostB", 2, 0)).isEqualTo(NlmStatus.DENIED);
        assertThat(share(20, "hostB", 1, 0)).isEqualTo(NlmStatus.GRANTED);
        assertThat(share(21, "hostA", 3, 2)).isEqualTo(NlmStatus.GRANTED);
        assertThat(share(20, "hostC", 2, 0)).isEqualTo(NlmStatus.GRANTED);
    }

    @Test
    void msgFormsAnswerThroughTheClientsResProcedure() throws Exception {
        call(NlmProgram.PROGRAM, 4, 7, w -> {
            w.writeOpaque(new byte[] {42}).writeBool(false).writeBool(true);
            NlmXdr.writeLock(w, 4, lock("hostA", 1, 0, 1));
            w.writeBool(false).writeInt(1);
        });
        NlmXdr.Res res = lockRes.poll(10, TimeUnit.SECONDS);
        assertThat(res).as("LOCK_RES callback").isNotNull();
        assertThat(res.cookie()).containsExactly(42);
        assertThat(res.stat()).isEqualTo(NlmStatus.GRANTED);
    }

    @Test
    void garbageArgumentsAreGarbageArgs() throws Exception {
        RpcReply r = client.call(NlmProgram.PROGRAM, 4, 2, new Credential.None(), w -> w.writeInt(1 << 30))
                .get(5, TimeUnit.SECONDS);
        assertThat(r.status().accepted()).isTrue();
        assertThat(r.status().success()).isFalse();
        // the connection still serves
        assertThat(lock(4, lock("hostA", 1, 0, 1), true, false)).isEqualTo(NlmStatus.GRANTED);
    }

    final BlockingQueue<NlmXdr.Res> lockRes = new LinkedBlockingQueue<>();

    /** The client host's portmapper: NLM is on this same port. */
    final class ClientHostPortmap implements RpcProgram {
        public int program() {
            return 100000;
        }

        public int lowVersion() {
            return 2;
        }

        public int highVersion() {
            return 2;
        }

        public boolean nonIdempotent(int v, int p) {
            return false;
        }

        public Outcome call(CallContext ctx, RpcCall call, XdrWriter out) {
            out.writeInt(call.procedure() == 3 ? clientHostPort : 0);
            return Outcome.SUCCESS;
        }
    }

    /** The client host's NLM service in its client role: takes GRANTED and LOCK_RES. */
    final class ClientHostNlm implements RpcProgram {
        public int program() {
            return NlmProgram.PROGRAM;
        }

        public int lowVersion() {
            return 4;
        }

        public int highVersion() {
            return 4;
        }

        public boolean nonIdempotent(int v, int p) {
            return false;
        }

        public Outcome call(CallContext ctx, RpcCall call, XdrWriter out) {
            XdrReader in = new XdrReader(call.args());
            try {
                switch (call.procedure()) {
                    case 5 -> {
                        NlmXdr.TestArgs a = NlmXdr.testArgs(in, 4);
                        granted.add(a);
                        NlmXdr.writeRes(out, new NlmXdr.Res(a.cookie(), grantedAnswer));
                    }
                    case 12 -> lockRes.add(NlmXdr.res(in));
                    default -> {
                        return Outcome.PROC_UNAVAIL;
                    }
                }
            } catch (XdrException e) {
                return Outcome.GARBAGE_ARGS;
            }
            return Outcome.SUCCESS;
        }
    }
}
