package io.dittofs.gateway.nfs.nsm;

import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/**
 * NSM (status monitor, program 100024 version 1, X/Open XNFS chapter 11) argument and result codecs.
 */
public final class NsmXdr {

    /** SM_MAXSTRLEN. */
    public static final int MAX_NAME = 1024;
    public static final int STAT_SUCC = 0;
    public static final int STAT_FAIL = 1;

    private NsmXdr() {
    }

    /** my_id: where the monitoring lock manager wants SM_NOTIFY-derived callbacks. */
    public record MyId(String name, int program, int version, int procedure) {
    }

    /** mon_id: the monitored host plus the monitor's identity. */
    public record MonId(String monName, MyId myId) {
    }

    /** mon: SM_MON's argument; priv is 16 opaque bytes echoed in the callback. */
    public record Mon(MonId monId, byte[] priv) {
    }

    /** stat_chge: SM_NOTIFY's argument, a host's new state number after a reboot. */
    public record StatChange(String monName, int state) {
    }

    public static String smName(XdrReader in) throws XdrException {
        return in.readString(MAX_NAME);
    }

    public static MyId myId(XdrReader in) throws XdrException {
        return new MyId(in.readString(MAX_NAME), in.readInt(), in.readInt(), in.readInt());
    }

    public static MonId monId(XdrReader in) throws XdrException {
        return new MonId(in.readString(MAX_NAME), myId(in));
    }

    public static Mon mon(XdrReader in) throws XdrException {
        return new Mon(monId(in), in.readFixedOpaque(16));
    }

    public static StatChange statChange(XdrReader in) throws XdrException {
        return new StatChange(in.readString(MAX_NAME), in.readInt());
    }

    public static void writeStatChange(XdrWriter out, StatChange c) {
        out.writeString(c.monName()).writeInt(c.state());
    }

    public static void writeMon(XdrWriter out, Mon m) {
        out.writeString(m.monId().monName());
        MyId id = m.monId().myId();
        out.writeString(id.name()).writeInt(id.program()).writeInt(id.version()).writeInt(id.procedure());
        out.writeFixedOpaque(m.priv());
    }

    /** sm_stat_res. */
    public static void writeStatRes(XdrWriter out, int res, int state) {
        out.writeInt(res).writeInt(state);
    }
}
