package io.dittofs.gateway.rpc.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.block.core.BlockEngine;
import io.dittofs.block.core.EngineSettings;
import io.dittofs.block.grpc.BlockGrpcService;
import io.dittofs.block.local.LocalStore;
import io.dittofs.block.local.fs.FsLocalStore;
import io.dittofs.block.local.memory.MemoryLocalStore;
import io.dittofs.contracts.grpc.GrpcServerHost;
import io.dittofs.contracts.grpc.ServiceChannels;
import io.dittofs.contracts.grpc.SlowCalls;
import io.dittofs.gateway.access.ShareGate;
import io.dittofs.gateway.config.GatewayConfiguration;
import io.dittofs.gateway.fs.FileSystem;
import io.dittofs.gateway.fs.grpc.GrpcFileSystem;
import io.dittofs.gateway.fs.model.CreateMode;
import io.dittofs.gateway.fs.model.CreateSpec;
import io.dittofs.gateway.fs.model.Handle;
import io.dittofs.gateway.fs.model.SetAttrs;
import io.dittofs.gateway.fs.model.Stability;
import io.dittofs.gateway.identity.Principal;
import io.dittofs.gateway.metrics.GatewayMetrics;
import io.dittofs.gateway.nfs.v3.Nfs3Program;
import io.dittofs.gateway.rpc.DuplicateRequestCache;
import io.dittofs.gateway.rpc.RpcDispatcher;
import io.dittofs.gateway.rpc.RpcRegistry;
import io.dittofs.gateway.rpc.RpcReplies;
import io.dittofs.gateway.rpc.TestRpc;
import io.dittofs.gateway.rpc.XdrWriter;
import io.dittofs.gateway.rpc.auth.AuthFlavors;
import io.dittofs.gateway.share.Share;
import io.dittofs.gateway.share.ShareIds;
import io.dittofs.gateway.share.ShareProtocol;
import io.dittofs.gateway.share.Squash;
import io.dittofs.gateway.share.StaticShareRegistry;
import io.dittofs.gateway.transport.TransportSettings;
import io.dittofs.metadata.core.CoreSettings;
import io.dittofs.metadata.core.MetadataCore;
import io.dittofs.metadata.grpc.MetadataGrpcService;
import io.dittofs.metadata.spi.MetadataStore;
import io.dittofs.metadata.store.memory.MemoryStore;
import io.dittofs.metadata.store.rocksdb.RocksDbStore;
import io.grpc.ManagedChannel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.DataInputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NFSv3 GETATTR, LOOKUP, ACCESS (and UNSTABLE WRITE) answered on the event loop (dittofs.rpc.inline-reads) over real
 * sockets, real services in process, memory and RocksDB stores: the replies are byte for byte
 * those of the handed-off path, a read that would block (RocksDB data not in the block cache, a
 * memory store whose lock a writer holds) is handed off once and answered right, and a gateway
 * whose metadata service is in another process never tries.
 */
class InlineReadsTest {

    private static final CoreSettings CORE = new CoreSettings(0755, 0, 0, 1L << 40, 1L << 32,
            CoreSettings.DEFAULT_MAX_READDIR);
    private static final int NFS = Nfs3Program.PROGRAM;
    private static final int GETATTR = 1;
    private static final int LOOKUP = 3;
    private static final int ACCESS = 4;
    private static final int READ = 6;
    private static final int WRITE = 7;
    private static final int CREATE = 8;

    @TempDir
    Path dir;

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Stack> stacks = new ArrayList<>();
    private int xid = 100;

    /** The services on one store, and two gateways in front: reads inline, and everything handed off. */
    private final class Stack implements AutoCloseable {
        final MetadataStore store;
        final BlockEngine engine;
        final GrpcServerHost host;
        final ManagedChannel channel;
        final FileSystem fs;
        final SimpleMeterRegistry inlineMeters = new SimpleMeterRegistry();
        final SimpleMeterRegistry handedMeters = new SimpleMeterRegistry();
        final RpcServer inline;
        final RpcServer handed;
        final Handle root;

        Stack(MetadataStore store) throws Exception {
            this(store, new MemoryLocalStore());
        }

        Stack(MetadataStore store, LocalStore blocks) throws Exception {
            this.store = store;
            engine = BlockEngine.open(blocks, null, EngineSettings.defaults());
            String name = "inline-reads-" + UUID.randomUUID();
            host = GrpcServerHost.start("in-process:" + name, List.of(
                    new MetadataGrpcService(new MetadataCore(store, CORE)), new BlockGrpcService(engine)));
            channel = ServiceChannels.open("in-process:" + name);
            fs = new GrpcFileSystem(channel, channel);
            StaticShareRegistry registry = new StaticShareRegistry(List.of(
                    new Share("export", "/export", false, Squash.NONE, 65534, 65534, List.of())));
            ShareIds ids = new ShareIds(registry, share -> {
                var r = fs.root(Principal.root(), share);
                return r.status().ok() ? r.shareId() : -1;
            });
            RpcRegistry programs = new RpcRegistry().register(new Nfs3Program(fs, new ShareGate(ids, ShareProtocol.NFS)));
            inline = server(programs, inlineMeters, GatewayConfiguration.inlineReads(true, channel));
            handed = server(programs, handedMeters, false);
            root = fs.root(Principal.root(), "export").handle();
            stacks.add(this);
        }

        private RpcServer server(RpcRegistry programs, SimpleMeterRegistry meters, boolean inlineReads) {
            RpcDispatcher d = new RpcDispatcher(programs, new DuplicateRequestCache(64), AuthFlavors.standard(),
                    new GatewayMetrics(meters, SlowCalls.OFF), true, inlineReads);
            return RpcServer.start("127.0.0.1", 0, d, executor, new RpcServer.Settings(64 * 1024, false,
                    Duration.ofSeconds(5), TransportSettings.defaults(8, 16, Duration.ofMinutes(1))));
        }

        Handle file(String name) {
            var r = fs.create(Principal.root(), root, name, CreateSpec.regular(CreateMode.GUARDED,
                    new SetAttrs(0644, 1000, 1000, null, null, null), new byte[0]));
            assertThat(r.status().ok()).as("create " + name).isTrue();
            return r.handle();
        }

        @Override
        public void close() throws Exception {
            inline.close();
            handed.close();
            channel.shutdownNow();
            host.close();
            engine.close();
            store.close();
        }
    }

    @AfterEach
    void closeAll() throws Exception {
        for (Stack s : stacks.reversed()) {
            s.close();
        }
        executor.shutdown();
    }

    private static double inlineCount(SimpleMeterRegistry meters, String outcome) {
        Counter c = meters.find(GatewayMetrics.RPC_INLINE).tag("outcome", outcome).counter();
        return c == null ? 0 : c.count();
    }

    /** An NFSv3 call with an AUTH_SYS credential (uid, gid 1000 unless root) or AUTH_NONE (uid &lt; 0). */
    private byte[] call(int uid, int procedure, Consumer<XdrWriter> args) {
        ByteBuf b = Unpooled.buffer();
        XdrWriter w = new XdrWriter(b);
        RpcReplies.callHeader(w, ++xid, NFS, 3, procedure);
        if (uid < 0) {
            w.writeInt(0).writeInt(0);
        } else {
            ByteBuf cred = Unpooled.buffer();
            new XdrWriter(cred).writeInt(0).writeString("client").writeInt(uid).writeInt(uid == 0 ? 0 : 1000).writeInt(1)
                    .writeInt(4000);
            w.writeInt(1).writeOpaque(ByteBufUtil.getBytes(cred));
            cred.release();
        }
        w.writeInt(0).writeInt(0);
        args.accept(w);
        byte[] bytes = ByteBufUtil.getBytes(b);
        b.release();
        return bytes;
    }

    private byte[] getattr(int uid, Handle h) {
        return call(uid, GETATTR, w -> w.writeOpaque(h.bytes()));
    }

    private byte[] lookup(int uid, Handle dir, String name) {
        return call(uid, LOOKUP, w -> w.writeOpaque(dir.bytes()).writeString(name));
    }

    private byte[] access(int uid, Handle h, int bits) {
        return call(uid, ACCESS, w -> w.writeOpaque(h.bytes()).writeInt(bits));
    }

    private byte[] read(int uid, Handle h, long offset, int count) {
        return call(uid, READ, w -> w.writeOpaque(h.bytes()).writeLong(offset).writeInt(count));
    }

    private static byte[] receive(Socket s) throws Exception {
        DataInputStream in = new DataInputStream(s.getInputStream());
        int mark = in.readInt();
        assertThat(mark & 0x80000000).as("single-fragment record").isNotZero();
        byte[] reply = new byte[mark & 0x7fffffff];
        in.readFully(reply);
        return reply;
    }

    private static byte[] roundTrip(RpcServer server, byte[] call) throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(30_000);
            TestRpc.writeRecord(s, call);
            return receive(s);
        }
    }

    /** The same call through both gateways: the replies must be identical. */
    private byte[] same(Stack st, byte[] call) throws Exception {
        byte[] viaInline = roundTrip(st.inline, call);
        byte[] viaHandOff = roundTrip(st.handed, call);
        assertThat(viaInline).isEqualTo(viaHandOff);
        return viaInline;
    }

    private void identicalReplies(Supplier<MetadataStore> store) throws Exception {
        Stack st = new Stack(store.get());
        Handle f = st.file("f");
        List<byte[]> calls = new ArrayList<>();
        for (int uid : new int[] {-1, 0, 1000, 2000}) {
            calls.add(getattr(uid, st.root));
            calls.add(getattr(uid, f));
            calls.add(lookup(uid, st.root, "f"));
            calls.add(lookup(uid, st.root, "missing"));
            calls.add(lookup(uid, st.root, ".."));
            calls.add(access(uid, f, 0x3f));
            calls.add(access(uid, st.root, 0x3f));
        }
        // a handle of no share: answered by the share gate alone
        calls.add(getattr(1000, Handle.of(new byte[] {1, 2, 3})));
        for (byte[] c : calls) {
            byte[] reply = same(st, c);
            assertThat(reply.length).isGreaterThan(24);
        }
        assertThat(inlineCount(st.inlineMeters, "inline")).isEqualTo(calls.size());
        assertThat(inlineCount(st.inlineMeters, "would_block")).isZero();
        assertThat(inlineCount(st.handedMeters, "inline") + inlineCount(st.handedMeters, "would_block")).isZero();
        // per-operation meters still count the inline answers
        assertThat(st.inlineMeters.find("dittofs.protocol.operations").tag("op", "GETATTR").timers().stream()
                .mapToLong(t -> t.count()).sum()).isEqualTo(9);

        // a namespace change is never tried on the event loop
        byte[] create = call(0, CREATE, w -> w.writeOpaque(st.root.bytes()).writeString("g").writeInt(1)
                .writeBool(false).writeBool(false).writeBool(false).writeBool(false).writeInt(0).writeInt(0));
        roundTrip(st.inline, create);
        assertThat(inlineCount(st.inlineMeters, "inline")).isEqualTo(calls.size());
        assertThat(st.fs.lookup(Principal.root(), st.root, "g").status().ok()).isTrue();
    }

    private byte[] write(int uid, Handle h, long offset, int stable, byte[] data) {
        return call(uid, WRITE, w -> w.writeOpaque(h.bytes()).writeLong(offset).writeInt(data.length).writeInt(stable)
                .writeOpaque(data));
    }

    /** The data at the end of a READ reply (a length that is a multiple of 4 has no padding). */
    private static byte[] tail(byte[] reply, int n) {
        return java.util.Arrays.copyOfRange(reply, reply.length - n, reply.length);
    }

    /**
     * UNSTABLE WRITEs are answered on the event loop (the services take them in memory) and read
     * back right; a FILE_SYNC write waits for the disk, so it is handed off, once, and done there.
     */
    private void unstableWritesInline(Supplier<MetadataStore> store) throws Exception {
        Stack st = new Stack(store.get());
        Handle f = st.file("f");
        byte[] first = new byte[4096];
        new java.util.Random(1).nextBytes(first);
        byte[] second = new byte[512];
        new java.util.Random(2).nextBytes(second);
        assertThat(roundTrip(st.inline, write(1000, f, 8192, 0, first))).hasSizeGreaterThan(100);
        assertThat(roundTrip(st.inline, write(1000, f, 100, 0, second))).hasSizeGreaterThan(100);
        assertThat(inlineCount(st.inlineMeters, "inline")).isEqualTo(2);
        assertThat(inlineCount(st.inlineMeters, "would_block")).isZero();
        assertThat(tail(roundTrip(st.handed, read(1000, f, 8192, 4096)), 4096)).isEqualTo(first);
        assertThat(tail(roundTrip(st.handed, read(1000, f, 100, 512)), 512)).isEqualTo(second);
        assertThat(st.fs.getAttr(Principal.root(), f).attr().size()).isEqualTo(8192 + 4096);

        byte[] stable = new byte[1024];
        new java.util.Random(3).nextBytes(stable);
        roundTrip(st.inline, write(1000, f, 20_000, 2, stable));
        assertThat(inlineCount(st.inlineMeters, "would_block")).isEqualTo(1);
        assertThat(tail(roundTrip(st.handed, read(1000, f, 20_000, 1024)), 1024)).isEqualTo(stable);
        // counted once each, and nothing left in flight
        assertThat(st.inlineMeters.find("dittofs.protocol.operations").tag("op", "WRITE").timers().stream()
                .mapToLong(t -> t.count()).sum()).isEqualTo(3);
        assertThat(st.inlineMeters.get("dittofs.protocol.inflight").tag("protocol", "nfs3").gauge().value()).isZero();

        // someone without the write bit: the refusal is answered on the event loop too, and changes nothing
        byte[] denied = roundTrip(st.inline, write(2000, f, 0, 0, first));
        assertThat(inlineCount(st.inlineMeters, "inline")).isEqualTo(3);
        assertThat(java.nio.ByteBuffer.wrap(denied, 24, 4).getInt()).as("NFS3ERR_ACCES").isEqualTo(13);
        assertThat(st.fs.getAttr(Principal.root(), f).attr().size()).isEqualTo(20_000 + 1024);
    }

    @Test
    void memoryStoreUnstableWritesAreAnsweredOnTheEventLoop() throws Exception {
        unstableWritesInline(MemoryStore::new);
    }

    @Test
    void rocksDbUnstableWritesAreAnsweredOnTheEventLoop() throws Exception {
        unstableWritesInline(() -> new RocksDbStore(dir.resolve("writes"), false));
    }

    @Test
    void memoryStoreRepliesInlineAreIdenticalToHandedOffOnes() throws Exception {
        identicalReplies(MemoryStore::new);
    }

    @Test
    void rocksDbRepliesInlineAreIdenticalToHandedOffOnes() throws Exception {
        identicalReplies(() -> new RocksDbStore(dir.resolve("same"), false));
    }

    @Test
    void rocksDbDataNotInTheBlockCacheIsHandedOffOnceAndAnsweredRight() throws Exception {
        Path db = dir.resolve("cold");
        Stack first = new Stack(new RocksDbStore(db, false));
        // f's table block must hold neither the root nor the keys next to the inodes (read at open)
        for (int i = 0; i < 300; i++) {
            first.file("pad-" + i);
        }
        Handle f = first.file("f");
        for (int i = 300; i < 600; i++) {
            first.file("pad-" + i);
        }
        byte[] expected = same(first, getattr(1000, f));
        stacks.remove(first);
        first.close();
        try (org.rocksdb.Options o = new org.rocksdb.Options();
             org.rocksdb.RocksDB raw = org.rocksdb.RocksDB.open(o, db.toString());
             org.rocksdb.FlushOptions flush = new org.rocksdb.FlushOptions().setWaitForFlush(true)) {
            raw.flush(flush);
        }

        Stack st = new Stack(new RocksDbStore(db, false));
        byte[] cold = getattr(1000, f);
        byte[] reply = roundTrip(st.inline, cold);
        assertThat(inlineCount(st.inlineMeters, "would_block")).isEqualTo(1);
        assertThat(inlineCount(st.inlineMeters, "inline")).isZero();
        // same xid as the earlier call? no: compare everything after the xid
        assertThat(java.util.Arrays.copyOfRange(reply, 4, reply.length))
                .isEqualTo(java.util.Arrays.copyOfRange(expected, 4, expected.length));
        // counted once: one GETATTR, not a discarded attempt as well
        assertThat(st.inlineMeters.find("dittofs.protocol.operations").tag("op", "GETATTR").timers().stream()
                .mapToLong(t -> t.count()).sum()).isEqualTo(1);
        // the hand-off read the block from disk: the next one is answered on the event loop
        assertThat(roundTrip(st.inline, getattr(1000, f))).hasSize(reply.length);
        assertThat(inlineCount(st.inlineMeters, "inline")).isEqualTo(1);
        // the discarded attempt left nothing in flight
        assertThat(st.inlineMeters.get("dittofs.protocol.inflight").tag("protocol", "nfs3").gauge().value()).isZero();
    }

    @Test
    void aWriterHoldingTheMemoryStoreIsNotWaitedForOnTheEventLoop() throws Exception {
        Stack st = new Stack(new MemoryStore());
        Handle f = st.file("f");
        byte[] call = getattr(1000, f);
        byte[] expected = roundTrip(st.handed, call);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> st.store.write(tx -> {
            inside.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        inside.await();
        try (Socket s = new Socket("127.0.0.1", st.inline.port())) {
            s.setSoTimeout(30_000);
            TestRpc.writeRecord(s, call);
            // the event loop gave up at once and handed the call to a thread that now waits for the writer
            while (inlineCount(st.inlineMeters, "would_block") < 1) {
                Thread.onSpinWait();
            }
            // meanwhile the event loop serves others: another connection's NULL is answered
            assertThat(roundTrip(st.inline, TestRpc.nullCall(7, NFS, 3))).hasSize(24);
            release.countDown();
            assertThat(receive(s)).isEqualTo(expected);
        } finally {
            release.countDown();
        }
        writer.join();
        assertThat(inlineCount(st.inlineMeters, "inline")).isZero();
    }

    /**
     * READ: data in memory (just written) is answered on the event loop, byte for byte as handed
     * off; after a restart the sealed blocks are neither verified nor mapped, so the first READ of a
     * block is handed off once (it maps the block) and the next one is answered on the event loop.
     */
    @Test
    void readsOfResidentDataAnswerInlineAndUnmappedBlocksAreHandedOffOnce() throws Exception {
        Path db = dir.resolve("read-meta");
        Path blocks = dir.resolve("read-blocks");
        byte[] data = new byte[3 << 20];
        new java.util.Random(11).nextBytes(data);
        Stack first = new Stack(new RocksDbStore(db, false), new FsLocalStore(blocks, 0));
        Handle f = first.file("data");
        // two unaligned writes keep the blocks in memory (a write of whole aligned blocks is stored
        // straight as sealed blocks on disk; its first READ maps the block, like after a restart)
        assertThat(first.fs.write(Principal.root(), f, 0, java.nio.ByteBuffer.wrap(data, 0, 100), Stability.UNSTABLE)
                .status().ok()).isTrue();
        assertThat(first.fs.write(Principal.root(), f, 100, java.nio.ByteBuffer.wrap(data, 100, data.length - 100),
                Stability.FILE_SYNC).status().ok()).isTrue();
        List<byte[]> reads = List.of(read(1000, f, 0, 4096), read(1000, f, (1 << 20) + 5, 70_000),
                read(2000, f, data.length - 100, 4096), read(-1, f, data.length + 1, 10));
        List<byte[]> expected = new ArrayList<>();
        for (byte[] c : reads) {
            expected.add(same(first, c));
        }
        assertThat(inlineCount(first.inlineMeters, "inline")).isEqualTo(reads.size());
        assertThat(inlineCount(first.inlineMeters, "would_block")).isZero();
        // the data is in the reply: 4096 bytes of the file at offset 0, after the fixed part
        byte[] head = expected.get(0);
        assertThat(java.util.Arrays.copyOfRange(head, head.length - 4096, head.length))
                .isEqualTo(java.util.Arrays.copyOfRange(data, 0, 4096));
        stacks.remove(first);
        first.close();

        Stack st = new Stack(new RocksDbStore(db, false), new FsLocalStore(blocks, 0));
        byte[] cold = roundTrip(st.inline, read(1000, f, (1 << 20) + 5, 70_000));
        assertThat(inlineCount(st.inlineMeters, "would_block")).as("first read of an unmapped block").isEqualTo(1);
        byte[] warm = roundTrip(st.inline, read(1000, f, (1 << 20) + 5, 70_000));
        assertThat(inlineCount(st.inlineMeters, "inline")).as("the block is mapped now").isEqualTo(1);
        for (byte[] reply : List.of(cold, warm)) {
            assertThat(java.util.Arrays.copyOfRange(reply, reply.length - 70_000, reply.length))
                    .isEqualTo(java.util.Arrays.copyOfRange(data, (1 << 20) + 5, (1 << 20) + 5 + 70_000));
        }
        assertThat(st.inlineMeters.get("dittofs.protocol.inflight").tag("protocol", "nfs3").gauge().value()).isZero();
    }

    @Test
    void aGatewayWhoseMetadataServiceIsElsewhereNeverTries() {
        ManagedChannel socket = ServiceChannels.open("127.0.0.1:30997");
        ManagedChannel unix = ServiceChannels.open("unix:/tmp/inline-none.sock");
        ManagedChannel local = ServiceChannels.open("in-process:inline-none");
        try {
            assertThat(GatewayConfiguration.inlineReads(true, socket)).isFalse();
            assertThat(GatewayConfiguration.inlineReads(true, unix)).isFalse();
            assertThat(GatewayConfiguration.inlineReads(false, local)).isFalse();
            assertThat(GatewayConfiguration.inlineReads(true, local)).isTrue();
        } finally {
            socket.shutdownNow();
            unix.shutdownNow();
            local.shutdownNow();
        }
    }
}
