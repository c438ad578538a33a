package io.dittofs.block.grpc;

import static io.dittofs.block.grpc.Payloads.id;
import static io.dittofs.block.grpc.Payloads.random;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.dittofs.block.core.BlockEngine;
import io.dittofs.block.core.EngineSettings;
import io.dittofs.block.local.LocalStore;
import io.dittofs.block.local.fs.FsLocalStore;
import io.dittofs.block.local.memory.MemoryLocalStore;
import io.dittofs.contracts.block.v1.*;
import io.dittofs.contracts.common.v1.ByteRange;
import io.dittofs.contracts.common.v1.PayloadId;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.grpc.GrpcServerHost;
import io.dittofs.contracts.grpc.ServiceChannels;
import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every BlockService RPC through the generated stub, in-process, over the fs and memory tiers. */
class BlockServiceRpcTest {

    @TempDir
    Path dir;
    private BlockEngine engine;
    private GrpcServerHost host;
    private ManagedChannel channel;
    private BlockServiceGrpc.BlockServiceBlockingStub stub;
    private BlockServiceGrpc.BlockServiceStub async;

    private void start(String kind) throws Exception {
        start(kind, 64 * 1024);
    }

    private void start(String kind, int blockSize) throws Exception {
        LocalStore local = kind.equals("fs") ? new FsLocalStore(dir.resolve("local"), 0) : new MemoryLocalStore();
        engine = BlockEngine.open(local, null, EngineSettings.defaults().withBlockSize(blockSize));
        String name = "block-test-" + UUID.randomUUID();
        host = GrpcServerHost.start("in-process:" + name, List.of(new BlockGrpcService(engine)));
        channel = ServiceChannels.open("in-process:" + name);
        stub = BlockServiceGrpc.newBlockingStub(channel);
        async = BlockServiceGrpc.newStub(channel);
    }

    @AfterEach
    void stop() throws Exception {
        if (channel != null) {
            channel.shutdownNow();
            host.close();
            engine.close();
        }
    }

    private WriteResponse write(PayloadId p, long off, byte[] data, Stability s) {
        return stub.write(WriteRequest.newBuilder().setPayloadId(p).setOffset(off).setData(ByteString.copyFrom(data)).setStability(s).build());
    }

    private ReadResponse read(PayloadId p, long off, int count) {
        return stub.read(ReadRequest.newBuilder().setPayloadId(p).setOffset(off).setCount(count).build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"fs", "memory"})
    void readWriteHolesAndEof(String kind) throws Exception {
        start(kind);
        PayloadId p = id("f1");
        byte[] a = random(1, 100_000);
        WriteResponse w = write(p, 200_000, a, Stability.FILE_SYNC);
        assertThat(w.getStatus()).isEqualTo(Status.OK);
        assertThat(w.getCommitted()).isEqualTo(Stability.FILE_SYNC);
        assertThat(w.getSize()).isEqualTo(300_000);
        assertThat(w.getVerifier().size()).isEqualTo(8);

        ReadResponse hole = read(p, 0, 200_000);
        assertThat(hole.getData().toByteArray()).isEqualTo(new byte[200_000]);
        assertThat(hole.getEof()).isFalse();
        ReadResponse data = read(p, 200_000, 1_000_000);
        assertThat(data.getData().toByteArray()).isEqualTo(a);
        assertThat(data.getEof()).isTrue();
        assertThat(data.getSize()).isEqualTo(300_000);
        assertThat(read(p, 400_000, 10).getData().isEmpty()).isTrue();
        assertThat(write(p, 900_000, new byte[0], Stability.FILE_SYNC).getSize()).isEqualTo(300_000); // empty write: no growth
        assertThat(read(id("never-written"), 0, 10).getEof()).isTrue();

        engine.checkpoint(); // sealed blocks read the same as dirty ones
        assertThat(read(p, 200_000, 100_000).getData().toByteArray()).isEqualTo(a);
        byte[] b = random(2, 10);
        write(p, 250_001, b, Stability.UNSTABLE);
        byte[] expect = a.clone();
        System.arraycopy(b, 0, expect, 50_001, 10);
        assertThat(read(p, 200_000, 100_000).getData().toByteArray()).isEqualTo(expect);
        assertThat(stub.commit(CommitRequest.newBuilder().setPayloadId(p).build()).getVerifier())
                .isEqualTo(stub.getVerifier(GetVerifierRequest.getDefaultInstance()).getVerifier());
    }

    private List<List<Long>> allocated(PayloadId p, long offset, long length) {
        QueryAllocatedResponse q = stub.queryAllocated(QueryAllocatedRequest.newBuilder().setPayloadId(p)
                .setRange(ByteRange.newBuilder().setOffset(offset).setLength(length)).build());
        assertThat(q.getStatus()).isEqualTo(Status.OK);
        return q.getRangesList().stream().map(r -> List.of(r.getOffset(), r.getLength())).toList();
    }

    private void deallocate(PayloadId p, long offset, long length) {
        RangeResponse r = stub.deallocate(RangeRequest.newBuilder().setPayloadId(p)
                .setRange(ByteRange.newBuilder().setOffset(offset).setLength(length)).build());
        assertThat(r.getStatus()).isEqualTo(Status.OK);
    }

    /** 1 MiB blocks: QueryAllocated still tells 64 KiB pieces of zeros apart, dirty, sealed or patched. */
    @ParameterizedTest
    @ValueSource(strings = {"fs", "memory"})
    void queryAllocatedFindsHolesInsideBlocks(String kind) throws Exception {
        start(kind, 1 << 20);
        int k64 = 64 * 1024;
        PayloadId p = id("holes");
        write(p, 0, random(5, 2 * k64), Stability.UNSTABLE);
        assertThat(allocated(p, 0, 0)).containsExactly(List.of(0L, 2L * k64));
        assertThat(allocated(p, 1, 2L * k64)).containsExactly(List.of(1L, 2L * k64 - 1));

        deallocate(p, k64, k64); // the second 64 KiB: zeroed inside the block, no longer reported
        assertThat(read(p, k64, k64).getData().toByteArray()).isEqualTo(new byte[k64]);
        assertThat(allocated(p, 0, 0)).containsExactly(List.of(0L, (long) k64));
        assertThat(allocated(p, k64 - 1, k64)).containsExactly(List.of(k64 - 1L, 1L));
        assertThat(allocated(p, k64 + 1, k64)).isEmpty();

        engine.checkpoint(); // now a sealed block: the same answer, from its content
        assertThat(allocated(p, 0, 0)).containsExactly(List.of(0L, (long) k64));
        write(p, 5L * k64 + 7, random(6, 10), Stability.UNSTABLE); // an overlay on the sealed block
        assertThat(allocated(p, 0, 0)).containsExactly(List.of(0L, (long) k64), List.of(5L * k64, 17L));

        // a block written as zeros holds no data, before and after the checkpoint makes it a Zero entry
        write(p, 1 << 20, new byte[1 << 20], Stability.UNSTABLE);
        assertThat(allocated(p, 0, 0)).hasSize(2);
        engine.checkpoint();
        assertThat(allocated(p, 0, 0)).containsExactly(List.of(0L, (long) k64), List.of(5L * k64, (long) k64));
        assertThat(stub.stat(StatRequest.newBuilder().setPayloadId(p).build()).getAllocatedBytes()).isEqualTo(2L << 20);

        // zeroing what data a block had left frees the block itself
        PayloadId q = id("freed");
        write(q, 1000, random(7, 100), Stability.UNSTABLE);
        deallocate(q, 1000, 100);
        assertThat(allocated(q, 0, 0)).isEmpty();
        assertThat(stub.stat(StatRequest.newBuilder().setPayloadId(q).build()).getAllocatedBytes()).isZero();
        assertThat(stub.stat(StatRequest.newBuilder().setPayloadId(q).build()).getSize()).isEqualTo(1100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fs", "memory"})
    void truncateSeekAllocateDeallocateQuery(String kind) throws Exception {
        start(kind);
        PayloadId p = id("sparse");
        int bs = 64 * 1024;
        write(p, 0, random(3, bs), Stability.UNSTABLE);
        write(p, 4L * bs, random(4, bs), Stability.UNSTABLE);
        assertThat(stub.seek(SeekRequest.newBuilder().setPayloadId(p).setOffset(10).setWhat(SeekWhat.SEEK_HOLE).build()).getOffset())
                .isEqualTo(bs);
        assertThat(stub.seek(SeekRequest.newBuilder().setPayloadId(p).setOffset(bs).setWhat(SeekWhat.SEEK_DATA).build()).getOffset())
                .isEqualTo(4L * bs);
        SeekResponse beyond = stub.seek(SeekRequest.newBuilder().setPayloadId(p).setOffset(5L * bs).setWhat(SeekWhat.SEEK_DATA).build());
        assertThat(beyond.getEof()).isTrue();
        QueryAllocatedResponse q = stub.queryAllocated(QueryAllocatedRequest.newBuilder().setPayloadId(p)
                .setRange(ByteRange.newBuilder().setOffset(0).setLength(0)).build());
        assertThat(q.getRangesList()).extracting(ByteRange::getOffset, ByteRange::getLength)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0L, (long) bs), org.assertj.core.groups.Tuple.tuple(4L * bs, (long) bs));
        QueryAllocatedResponse one = stub.queryAllocated(QueryAllocatedRequest.newBuilder().setPayloadId(p).setMaxRanges(1)
                .setRange(ByteRange.newBuilder().setOffset(0).setLength(0)).build());
        assertThat(one.getTruncated()).isTrue();

        RangeResponse alloc = stub.allocate(RangeRequest.newBuilder().setPayloadId(p).setRange(ByteRange.newBuilder().setOffset(bs).setLength(bs)).build());
        assertThat(alloc.getSize()).isEqualTo(5L * bs);
        assertThat(read(p, bs, bs).getData().toByteArray()).isEqualTo(new byte[bs]);
        stub.deallocate(RangeRequest.newBuilder().setPayloadId(p).setRange(ByteRange.newBuilder().setOffset(100).setLength(bs)).build());
        byte[] head = read(p, 0, bs).getData().toByteArray();
        assertThat(java.util.Arrays.copyOfRange(head, 100, bs)).isEqualTo(new byte[bs - 100]);
        assertThat(java.util.Arrays.copyOfRange(head, 0, 100)).isEqualTo(java.util.Arrays.copyOfRange(random(3, bs), 0, 100));

        TruncateResponse t = stub.truncate(TruncateRequest.newBuilder().setPayloadId(p).setSize(50).build());
        assertThat(t.getSize()).isEqualTo(50);
        stub.truncate(TruncateRequest.newBuilder().setPayloadId(p).setSize(1000).build());
        byte[] after = read(p, 0, 2000).getData().toByteArray();
        assertThat(after).hasSize(1000);
        assertThat(java.util.Arrays.copyOfRange(after, 50, 1000)).isEqualTo(new byte[950]);

        StatResponse st = stub.stat(StatRequest.newBuilder().setPayloadId(p).build());
        assertThat(st.getSize()).isEqualTo(1000);
        assertThat(st.getAllocatedBytes()).isEqualTo(1000);
        assertThat(st.getFullySynced()).isFalse();
        assertThat(stub.delete(DeleteRequest.newBuilder().setPayloadId(p).build()).getStatus()).isEqualTo(Status.OK);
        assertThat(stub.stat(StatRequest.newBuilder().setPayloadId(p).build()).getSize()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"fs", "memory"})
    void cloneCopyAndStreams(String kind) throws Exception {
        start(kind);
        PayloadId src = id("src");
        byte[] content = random(5, 1_000_000);
        write(src, 0, content, Stability.FILE_SYNC);
        engine.checkpoint();
        CloneResponse c = stub.clone(CloneRequest.newBuilder().setSource(src).setDestination(id("dst")).build());
        assertThat(c.getSize()).isEqualTo(content.length);
        assertThat(read(id("dst"), 0, 2_000_000).getData().toByteArray()).isEqualTo(content);
        // the clone is independent of later writes to the source
        write(src, 0, new byte[] {1, 2, 3}, Stability.UNSTABLE);
        assertThat(read(id("dst"), 0, 3).getData().toByteArray()).isEqualTo(java.util.Arrays.copyOf(content, 3));

        CopyResponse cp = stub.copy(CopyRequest.newBuilder().setSource(id("dst")).setSourceOffset(7).setDestination(id("cp"))
                .setDestinationOffset(3).setLength(500_000).setStability(Stability.FILE_SYNC).build());
        assertThat(cp.getCount()).isEqualTo(500_000);
        assertThat(cp.getCommitted()).isEqualTo(Stability.FILE_SYNC);
        assertThat(read(id("cp"), 3, 500_000).getData().toByteArray()).isEqualTo(java.util.Arrays.copyOfRange(content, 7, 500_007));

        // WriteStream + ReadStream
        byte[] big = random(6, 3_000_000);
        CompletableFuture<WriteResponse> done = new CompletableFuture<>();
        StreamObserver<WriteRequest> ws = async.writeStream(new StreamObserver<>() {
            public void onNext(WriteResponse r) { done.complete(r); }
            public void onError(Throwable t) { done.completeExceptionally(t); }
            public void onCompleted() { }
        });
        for (int off = 0; off < big.length; off += 1 << 20) {
            int n = Math.min(1 << 20, big.length - off);
            ws.onNext(WriteRequest.newBuilder().setPayloadId(id("stream")).setOffset(off)
                    .setData(ByteString.copyFrom(big, off, n)).setStability(Stability.DATA_SYNC).build());
        }
        ws.onCompleted();
        WriteResponse wr = done.get(30, TimeUnit.SECONDS);
        assertThat(wr.getCount()).isEqualTo(big.length);
        assertThat(wr.getCommitted()).isEqualTo(Stability.FILE_SYNC);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        Iterator<ReadResponse> rs = stub.readStream(ReadRequest.newBuilder().setPayloadId(id("stream")).setCount(10_000_000).setChunkSize(700_000).build());
        boolean eof = false;
        while (rs.hasNext()) {
            ReadResponse r = rs.next();
            assertThat(r.getStatus()).isEqualTo(Status.OK);
            got.write(r.getData().toByteArray());
            eof = r.getEof();
        }
        assertThat(eof).isTrue();
        assertThat(got.toByteArray()).isEqualTo(big);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fs", "memory"})
    void deleteManyAnswersEachObjectAndRefusesTooMany(String kind) throws Exception {
        start(kind);
        write(id("a"), 0, random(1, 5000), Stability.UNSTABLE);
        write(id("b"), 0, random(2, 7000), Stability.FILE_SYNC);
        write(id("kept"), 0, random(3, 300), Stability.UNSTABLE);
        DeleteManyResponse r = stub.deleteMany(DeleteManyRequest.newBuilder().addPayloadIds(id("a"))
                .addPayloadIds(PayloadId.getDefaultInstance()).addPayloadIds(id("b")).addPayloadIds(id("never-written")).build());
        assertThat(r.getStatus()).isEqualTo(Status.OK);
        // the bad id is its own failure; the objects after it are still deleted
        assertThat(r.getStatusesList()).containsExactly(Status.OK, Status.BADHANDLE, Status.OK, Status.OK);
        assertThat(stub.stat(StatRequest.newBuilder().setPayloadId(id("a")).build()).getSize()).isZero();
        assertThat(stub.stat(StatRequest.newBuilder().setPayloadId(id("b")).build()).getSize()).isZero();

        DeleteManyRequest.Builder tooMany = DeleteManyRequest.newBuilder().addPayloadIds(id("kept"));
        for (int i = 0; i < BlockGrpcService.MAX_DELETE_MANY; i++) {
            tooMany.addPayloadIds(id("n" + i));
        }
        DeleteManyResponse refused = stub.deleteMany(tooMany.build());
        assertThat(refused.getStatus()).isEqualTo(Status.INVAL);
        assertThat(refused.getStatusesList()).isEmpty();
        assertThat(stub.stat(StatRequest.newBuilder().setPayloadId(id("kept")).build()).getSize()).isEqualTo(300);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fs", "memory"})
    void badArgumentsAreStatuses(String kind) throws Exception {
        start(kind);
        assertThat(stub.write(WriteRequest.newBuilder().setOffset(1).setData(ByteString.copyFromUtf8("x")).build()).getStatus())
                .isEqualTo(Status.BADHANDLE);
        assertThat(stub.write(WriteRequest.newBuilder().setPayloadId(id("x")).setOffset(-1L).setData(ByteString.copyFromUtf8("x")).build())
                .getStatus()).isEqualTo(Status.FBIG);
        assertThat(stub.clone(CloneRequest.newBuilder().setSource(id("x")).setDestination(id("x")).build()).getStatus())
                .isEqualTo(Status.OK); // empty source: nothing to clone
        write(id("x"), 0, random(9, 100), Stability.UNSTABLE);
        assertThat(stub.clone(CloneRequest.newBuilder().setSource(id("x")).setDestination(id("x")).setDestinationOffset(10).build()).getStatus())
                .isEqualTo(Status.INVAL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fs", "memory"})
    void largeOffsetsBeyondFourGiB(String kind) throws Exception {
        start(kind);
        long off = (5L << 30) + 12345;
        byte[] d = random(10, 70_000);
        assertThat(write(id("big"), off, d, Stability.FILE_SYNC).getSize()).isEqualTo(off + d.length);
        assertThat(read(id("big"), off, d.length).getData().toByteArray()).isEqualTo(d);
        assertThat(read(id("big"), 1L << 32, 100).getData().toByteArray()).isEqualTo(new byte[100]);
        StatResponse st = stub.stat(StatRequest.newBuilder().setPayloadId(id("big")).build());
        assertThat(st.getAllocatedBytes()).isLessThan(1 << 20);
    }
}
