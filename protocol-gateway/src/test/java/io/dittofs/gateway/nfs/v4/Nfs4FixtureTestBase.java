package io.dittofs.gateway.nfs.v4;

import io.dittofs.gateway.fixture.GatewayFixture;
import io.dittofs.gateway.locks.GrpcLockManager;
import io.dittofs.lock.core.LockCore;
import io.dittofs.lock.core.LockSettings;
import io.dittofs.lock.grpc.LockGrpcService;
import io.dittofs.lock.store.memory.MemoryLockStore;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.dittofs.gateway.nfs.v4.state.ClientStates;
import io.dittofs.gateway.rpc.CallContext;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.share.Network;
import io.dittofs.gateway.share.Share;
import io.dittofs.gateway.share.Squash;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real metadata and block services on memory stores behind the real NFSv4 program. Shares:
 * {@code /export}, {@code /lan} (10.0.0.0/8 only) and {@code /deep/nested} (a pseudo directory
 * "deep" above it). Open and lock state goes to a real lock-service (memory store, in-process
 * gRPC) that {@link #restartGateway} keeps while it replaces the NFSv4 program.
 */
abstract class Nfs4FixtureTestBase {

    GatewayFixture fixture;
    Nfs4Program nfs4;
    CallContext alice;
    LockCore lockCore;
    Server lockServer;
    ManagedChannel lockChannel;
    GrpcLockManager locks;

    @BeforeEach
    void startFixture() throws Exception {
        String name = "nfs4-locks-" + UUID.randomUUID();
        lockCore = LockCore.system(new MemoryLockStore(), new LockSettings(Duration.ZERO, Duration.ofSeconds(35)));
        lockServer = InProcessServerBuilder.forName(name).addService(new LockGrpcService(lockCore)).build().start();
        lockChannel = InProcessChannelBuilder.forName(name).build();
        locks = new GrpcLockManager(lockChannel, "gw-nfs4");
        fixture = new GatewayFixture(List.of(
                new Share("export", "/export", false, Squash.NONE, 65534, 65534, List.of()),
                new Share("lan", "/lan", false, Squash.NONE, 65534, 65534, List.of(Network.parse("10.0.0.0/8"))),
                new Share("nested", "/deep/nested", false, Squash.NONE, 65534, 65534, List.of())));
        nfs4 = new Nfs4Program(new Nfs4Server(fixture.fs, fixture.gate, new PseudoFs(fixture.registry, fixture.fs),
                new ClientStates(locks)));
        alice = GatewayFixture.context("127.0.0.1", GatewayFixture.user(1000, 1000));
    }

    /** A new NFSv4 program (no gateway memory of clients, sessions or stateids) over the same services and lock-service. */
    void restartGateway() {
        nfs4 = new Nfs4Program(new Nfs4Server(fixture.fs, fixture.gate, new PseudoFs(fixture.registry, fixture.fs),
                new ClientStates(new GrpcLockManager(lockChannel, "gw-nfs4"))));
    }

    @AfterEach
    void stopFixture() throws Exception {
        fixture.close();
        lockChannel.shutdownNow();
        lockServer.shutdownNow();
        lockCore.close();
    }

    /** COMPOUND4res: status, tag, result count; {@code in} stands at the first nfs_resop4. */
    record Result(int status, String tag, int count, XdrReader in, byte[] raw) {
        /** Reads the next result's opcode and status, checking them. */
        Result expect(int opcode, int opStatus) throws XdrException {
            assertThat(in.readInt()).as("opcode").isEqualTo(opcode);
            assertThat(in.readInt()).as("status of op " + opcode).isEqualTo(opStatus);
            return this;
        }

        /** Reads a successful SEQUENCE result and its body (session id, 5 words). */
        Result sequenceOk() throws XdrException {
            expect(Nfs4Ops.SEQUENCE, Nfs4Status.OK);
            in.skip(16 + 5 * 4);
            return this;
        }
    }

    Result run(Compound c) {
        return run(c, alice);
    }

    Result run(Compound c, CallContext ctx) {
        var reply = fixture.call(nfs4, Nfs4Program.COMPOUND, ctx, c::write);
        assertThat(reply.outcome().success()).isTrue();
        byte[] raw = new byte[reply.buffer().readableBytes()];
        reply.buffer().getBytes(reply.buffer().readerIndex(), raw);
        try {
            XdrReader in = reply.body();
            return new Result(in.readInt(), in.readString(1024), in.readInt(), in, raw);
        } catch (XdrException e) {
            throw new AssertionError(e);
        }
    }
}
