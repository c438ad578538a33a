package io.dittofs.gateway.nfs.v4;

import io.dittofs.gateway.fixture.GatewayFixture;
import io.dittofs.gateway.rpc.Outcome;
import io.dittofs.gateway.rpc.XdrException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** COMPOUND framing: minor versions, tag echo, stop at the first error, placement rules, bounds. */
class CompoundProcessorTest extends Nfs4FixtureTestBase {

    @Test
    void nullProcedureAnswersEmpty() {
        var reply = fixture.call(nfs4, Nfs4Program.NULL, alice, w -> { });
        assertThat(reply.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(reply.buffer().readableBytes()).isZero();
    }

    @Test
    void minorVersionThreeIsMismatchWithNoResultsAndTheTagEchoed() {
        var r = run(new Compound("my tag", 3).putRootFh());
        assertThat(r.status()).isEqualTo(Nfs4Status.MINOR_VERS_MISMATCH);
        assertThat(r.tag()).isEqualTo("my tag");
        assertThat(r.count()).isZero();
    }

    @Test
    void stopsAtTheFirstErrorWithTheResultsSoFar() throws XdrException {
        var r = run(new Compound("t", 0).putRootFh().lookup("missing").getFh());
        assertThat(r.status()).isEqualTo(Nfs4Status.NOENT);
        assertThat(r.count()).isEqualTo(2);
        r.expect(24, Nfs4Status.OK).expect(15, Nfs4Status.NOENT);
        assertThat(r.in().readableBytes()).isZero();
    }

    @Test
    void operationWithoutCurrentFilehandleIsNofilehandle() throws XdrException {
        var r = run(new Compound("", 0).getFh());
        assertThat(r.status()).isEqualTo(Nfs4Status.NOFILEHANDLE);
        r.expect(10, Nfs4Status.NOFILEHANDLE);
    }

    @Test
    void unknownOpcodeIsIllegalAndSessionOpsAreIllegalIn40() throws XdrException {
        run(new Compound("", 0).op(9999)).expect(Nfs4Ops.ILLEGAL, Nfs4Status.OP_ILLEGAL);
        run(new Compound("", 0).op(Nfs4Ops.SEQUENCE)).expect(Nfs4Ops.ILLEGAL, Nfs4Status.OP_ILLEGAL);
    }

    @Test
    void minorVersionOneRules() throws XdrException {
        run(new Compound("", 1).putRootFh()).expect(24, Nfs4Status.OP_NOT_IN_SESSION);
        run(new Compound("", 1).op(Nfs4Ops.SETCLIENTID)).expect(Nfs4Ops.SETCLIENTID, Nfs4Status.NOTSUPP);
        run(new Compound("", 1).op(Nfs4Ops.DESTROY_SESSION, w -> w.writeFixedOpaque(new byte[16])).putRootFh())
                .expect(Nfs4Ops.DESTROY_SESSION, Nfs4Status.NOT_ONLY_OP);
    }

    @Test
    void truncatedArgumentsAreBadXdrForThatOperation() throws XdrException {
        var r = run(new Compound("", 0).putRootFh().op(Nfs4Ops.RENEW, w -> w.writeInt(7)));
        assertThat(r.status()).isEqualTo(Nfs4Status.BADXDR);
        r.expect(24, Nfs4Status.OK).expect(Nfs4Ops.RENEW, Nfs4Status.BADXDR);
    }

    @Test
    void tooManyOperationsAreRefusedBeforeAnyRuns() {
        Compound c = new Compound("", 0);
        for (int i = 0; i <= CompoundProcessor.MAX_OPS; i++) {
            c.putRootFh();
        }
        var r = run(c);
        assertThat(r.status()).isEqualTo(Nfs4Status.RESOURCE);
        assertThat(r.count()).isZero();
    }

    @Test
    void garbageHeaderIsGarbageArgs() {
        var reply = fixture.call(nfs4, Nfs4Program.COMPOUND, alice, w -> w.writeInt(100000));
        assertThat(reply.outcome()).isEqualTo(Outcome.GARBAGE_ARGS);
    }

    @Test
    void anonymousCallerStillReachesThePseudoRoot() throws XdrException {
        var ctx = GatewayFixture.context("127.0.0.1", new io.dittofs.gateway.rpc.Credential.None());
        run(new Compound("", 0).putRootFh().getFh(), ctx).expect(24, Nfs4Status.OK).expect(10, Nfs4Status.OK);
    }
}
