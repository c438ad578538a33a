package io.dittofs.gateway.rpc;

/** Small programs for dispatcher and server tests. */
public final class TestPrograms {

    private TestPrograms() {
    }

    /** Answers every procedure of {@code version} with one word: the version it was registered for. */
    public static RpcProgram versionEcho(int program, int version) {
        return new RpcProgram() {
            @Override
            public int program() {
                return program;
            }

            @Override
            public int lowVersion() {
                return version;
            }

            @Override
            public int highVersion() {
                return version;
            }

            @Override
            public boolean nonIdempotent(int v, int procedure) {
                return false;
            }

            @Override
            public Outcome call(CallContext ctx, RpcCall call, XdrWriter out) {
                out.writeInt(version);
                return Outcome.SUCCESS;
            }
        };
    }
}
