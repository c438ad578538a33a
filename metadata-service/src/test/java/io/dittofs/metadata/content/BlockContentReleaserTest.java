package io.dittofs.metadata.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dittofs.contracts.block.v1.BlockServiceGrpc;
import io.dittofs.contracts.block.v1.DeleteManyRequest;
import io.dittofs.contracts.block.v1.DeleteManyResponse;
import io.dittofs.contracts.block.v1.DeleteRequest;
import io.dittofs.contracts.block.v1.DeleteResponse;
import io.dittofs.contracts.block.v1.TruncateRequest;
import io.dittofs.contracts.block.v1.TruncateResponse;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.metadata.spi.Release;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The releaser's side of the block-service contract: a drain pass's deletes are one DeleteMany,
 * each entry's status is its own outcome, and an older block-service without DeleteMany still gets
 * every delete. The block-service here answers from a table (the real one is exercised end to end
 * by ContentReleaseIT and SeparateProcessesIT).
 */
class BlockContentReleaserTest {

    private Server server;
    private BlockContentReleaser releaser;

    /** The calls the block-service received, as "DeleteMany:n", "Delete", "Truncate:size". */
    private final List<String> calls = new CopyOnWriteArrayList<>();
    /** The status the block-service answers for a payload (first byte); OK when absent. */
    private final Map<Byte, Status> answers = new ConcurrentHashMap<>();

    private final class Blocks extends BlockServiceGrpc.BlockServiceImplBase {
        @Override
        public void delete(DeleteRequest req, StreamObserver<DeleteResponse> out) {
            calls.add("Delete");
            out.onNext(DeleteResponse.newBuilder().setStatus(answer(req.getPayloadId().getValue().byteAt(0))).build());
            out.onCompleted();
        }

        @Override
        public void truncate(TruncateRequest req, StreamObserver<TruncateResponse> out) {
            calls.add("Truncate:" + req.getSize());
            out.onNext(TruncateResponse.newBuilder().setStatus(answer(req.getPayloadId().getValue().byteAt(0))).build());
            out.onCompleted();
        }
    }

    /** A block-service of this version: DeleteMany as well. */
    private final class BlocksWithDeleteMany extends BlockServiceGrpc.BlockServiceImplBase {
        private final Blocks single = new Blocks();

        @Override
        public void delete(DeleteRequest req, StreamObserver<DeleteResponse> out) {
            single.delete(req, out);
        }

        @Override
        public void truncate(TruncateRequest req, StreamObserver<TruncateResponse> out) {
            single.truncate(req, out);
        }

        @Override
        public void deleteMany(DeleteManyRequest req, StreamObserver<DeleteManyResponse> out) {
            calls.add("DeleteMany:" + req.getPayloadIdsCount());
            DeleteManyResponse.Builder b = DeleteManyResponse.newBuilder();
            req.getPayloadIdsList().forEach(id -> b.addStatuses(answer(id.getValue().byteAt(0))));
            out.onNext(b.build());
            out.onCompleted();
        }
    }

    private Status answer(byte id) {
        return answers.getOrDefault(id, Status.OK);
    }

    private void start(BlockServiceGrpc.BlockServiceImplBase blocks) throws Exception {
        String name = InProcessServerBuilder.generateName();
        server = InProcessServerBuilder.forName(name).directExecutor().addService(blocks).build().start();
        releaser = new BlockContentReleaser(InProcessChannelBuilder.forName(name).directExecutor().build());
    }

    @AfterEach
    void stop() {
        if (releaser != null) {
            releaser.close();
        }
        if (server != null) {
            server.shutdownNow();
        }
    }

    private static Release delete(int id) {
        return new Release(new byte[] {(byte) id, 1, 2, 3}, Release.DELETE);
    }

    private static Release cut(int id, long size) {
        return new Release(new byte[] {(byte) id, 1, 2, 3}, size);
    }

    private List<String> applyAll(List<Release> batch, List<Release> applied, List<Release> dropped) {
        releaser.applyAll(batch, (r, ok) -> (ok ? applied : dropped).add(r));
        return calls;
    }

    @Test
    void aPassDeletesInOneCallAndCutsOneByOne() throws Exception {
        start(new BlocksWithDeleteMany());
        List<Release> applied = new ArrayList<>();
        List<Release> dropped = new ArrayList<>();
        applyAll(List.of(delete(1), cut(2, 100), delete(3), delete(4)), applied, dropped);
        assertThat(calls).containsExactly("Truncate:100", "DeleteMany:3");
        assertThat(applied).containsExactlyInAnyOrder(delete(1), cut(2, 100), delete(3), delete(4));
        assertThat(dropped).isEmpty();
    }

    @Test
    void eachDeleteIsItsOwnOutcome() throws Exception {
        start(new BlocksWithDeleteMany());
        answers.put((byte) 2, Status.NOENT);     // already gone: done
        answers.put((byte) 3, Status.BADHANDLE); // never applicable: dropped
        answers.put((byte) 4, Status.DELAY);     // the block-service asks to retry: stays
        List<Release> applied = new ArrayList<>();
        List<Release> dropped = new ArrayList<>();
        assertThatThrownBy(() -> applyAll(List.of(delete(1), delete(2), delete(3), delete(4), delete(5)), applied, dropped))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("DELAY");
        assertThat(applied).containsExactlyInAnyOrder(delete(1), delete(2), delete(5));
        assertThat(dropped).containsExactly(delete(3));
        assertThat(calls).containsExactly("DeleteMany:5");
    }

    @Test
    void anOlderBlockServiceGetsSingleDeletes() throws Exception {
        start(new Blocks());
        List<Release> applied = new ArrayList<>();
        applyAll(List.of(delete(1), delete(2)), applied, new ArrayList<>());
        applyAll(List.of(delete(3)), applied, new ArrayList<>());
        // the first pass learns that DeleteMany is missing; later passes do not ask again
        assertThat(calls).containsExactly("Delete", "Delete", "Delete");
        assertThat(applied).containsExactlyInAnyOrder(delete(1), delete(2), delete(3));
    }
}
