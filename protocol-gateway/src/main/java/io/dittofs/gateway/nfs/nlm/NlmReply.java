package io.dittofs.gateway.nfs.nlm;

import io.dittofs.gateway.rpc.XdrWriter;

/** A procedure's result, written in the width of the caller's version. */
public sealed interface NlmReply {

    void write(XdrWriter out, int version);

    /** nlm4_res. */
    record Res(byte[] cookie, int stat) implements NlmReply {
        @Override
        public void write(XdrWriter out, int version) {
            NlmXdr.writeRes(out, new NlmXdr.Res(cookie, NlmStatus.forVersion(stat, version)));
        }
    }

    /** nlm4_testres. */
    record Test(byte[] cookie, int stat, NlmXdr.Holder holder) implements NlmReply {
        @Override
        public void write(XdrWriter out, int version) {
            NlmXdr.writeTestRes(out, version, new NlmXdr.TestRes(cookie, NlmStatus.forVersion(stat, version), holder));
        }
    }

    /** nlm4_shareres. */
    record Share(byte[] cookie, int stat) implements NlmReply {
        @Override
        public void write(XdrWriter out, int version) {
            NlmXdr.writeShareRes(out, cookie, NlmStatus.forVersion(stat, version));
        }
    }

    /** No result body (FREE_ALL, the *_RES procedures). */
    record Void() implements NlmReply {
        @Override
        public void write(XdrWriter out, int version) {
        }
    }
}
