package io.dittofs.gateway.nfs.v4;

import io.dittofs.gateway.nfs.v4.state.OpenStates;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

import java.util.Arrays;

/** stateid4 (RFC 7530 §9.1.4): seqid and 12 bytes naming the state; all zeros and all ones are special. */
public record Stateid(int seqid, byte[] other) {

    public static Stateid read(XdrReader in) throws XdrException {
        return new Stateid(in.readInt(), in.readFixedOpaque(OpenStates.STATEID_OTHER));
    }

    public void write(XdrWriter out) {
        out.writeInt(seqid).writeFixedOpaque(other);
    }

    /** The anonymous (all zeros) or READ-bypass (all ones) stateid, or 4.1's current stateid marker's zeros. */
    public boolean special() {
        return allBytes(0) || allBytes(0xff);
    }

    /** other is all zeros: the anonymous stateid, or with seqid 1 the current-stateid marker. */
    public boolean allZero() {
        return allBytes(0);
    }

    private boolean allBytes(int v) {
        for (byte b : other) {
            if ((b & 0xff) != v) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Stateid s && s.seqid == seqid && Arrays.equals(s.other, other);
    }

    @Override
    public int hashCode() {
        return 31 * seqid + Arrays.hashCode(other);
    }
}
