package io.dittofs.gateway.nfs.v4;

import io.dittofs.gateway.fixture.GatewayFixture;
import io.dittofs.gateway.nfs.v4.state.ClientStates;
import io.dittofs.gateway.rpc.CallContext;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.share.Network;
import io.dittofs.gateway.share.Share;
import io.dittofs.gateway.share.Squash;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real metadata and block services on memory stores behind the real NFSv4 program. Shares:
 * {@code /export}, {@code /lan} (10.0.0.0/8 only) and {@code /deep/nested} (a pseudo directory
 * "deep" above it).
 */
abstract class Nfs4FixtureTestBase {

    GatewayFixture fixture;
    Nfs4Program nfs4;
    CallContext alice;

    @BeforeEach
    void startFixture() throws Exception {
        fixture = new GatewayFixture(List.of(
                new Share("export", "/export", false, Squash.NONE, 65534, 65534, List.of()),
                new Share("lan", "/lan", false, Squash.NONE, 65534, 65534, List.of(Network.parse("10.0.0.0/8"))),
                new Share("nested", "/deep/nested", false, Squash.NONE, 65534, 65534, List.of())));
        nfs4 = new Nfs4Program(new Nfs4Server(fixture.fs, fixture.gate, new PseudoFs(fixture.registry, fixture.fs),
                new ClientStates(null)));
        alice = GatewayFixture.context("127.0.0.1", GatewayFixture.user(1000, 1000));
    }

    @AfterEach
    void stopFixture() throws Exception {
        fixture.close();
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
