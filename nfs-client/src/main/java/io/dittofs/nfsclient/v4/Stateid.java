package io.dittofs.nfsclient.v4;

import io.dittofs.nfsclient.XdrIn;
import io.dittofs.nfsclient.XdrOut;

/** stateid4: a sequence number and 12 opaque bytes the server chose. */
public record Stateid(int seqid, byte[] other) {

    /** The all-zero anonymous stateid. */
    public static final Stateid ANONYMOUS = new Stateid(0, new byte[12]);

    static Stateid read(XdrIn in) {
        return new Stateid(in.readInt(), in.readFixed(12));
    }

    void write(XdrOut out) {
        out.writeInt(seqid).writeFixed(other);
    }
}
