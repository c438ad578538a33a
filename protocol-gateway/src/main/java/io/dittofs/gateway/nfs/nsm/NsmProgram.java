package io.dittofs.gateway.nfs.nsm;

import io.dittofs.gateway.rpc.CallContext;
import io.dittofs.gateway.rpc.Outcome;
import io.dittofs.gateway.rpc.RpcCall;
import io.dittofs.gateway.rpc.RpcProgram;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The status monitor, program 100024 version 1 (XNFS chapter 11), as the server side needs it: a
 * client host that rebooted sends SM_NOTIFY and loses every lock it held; STAT answers this server's
 * state number; MON/UNMON/UNMON_ALL keep the list of monitored hosts.
 */
public final class NsmProgram implements RpcProgram {

    public static final int PROGRAM = 100024;
    private static final Logger log = LoggerFactory.getLogger(NsmProgram.class);

    private final NsmState state;
    private final Consumer<String> hostRebooted;
    private final Map<String, Set<String>> monitored = new ConcurrentHashMap<>();

    /**
     * @param hostRebooted frees the locks of a host by its name (the NLM caller name it used)
     */
    public NsmProgram(NsmState state, Consumer<String> hostRebooted) {
        this.state = state;
        this.hostRebooted = hostRebooted;
    }

    @Override
    public int program() {
        return PROGRAM;
    }

    @Override
    public int lowVersion() {
        return 1;
    }

    @Override
    public int highVersion() {
        return 1;
    }

    @Override
    public boolean nonIdempotent(int version, int procedure) {
        return false; // every procedure may safely run twice
    }

    @Override
    public Outcome call(CallContext ctx, RpcCall call, XdrWriter out) {
        XdrReader in = new XdrReader(call.args());
        try {
            switch (call.procedure()) {
                case 0, 5 -> { } // NULL; SIMU_CRASH is for testing a local statd and changes nothing here
                case 1 -> {
                    NsmXdr.smName(in);
                    NsmXdr.writeStatRes(out, NsmXdr.STAT_SUCC, state.current());
                }
                case 2 -> {
                    NsmXdr.Mon m = NsmXdr.mon(in);
                    monitored.computeIfAbsent(m.monId().myId().name(), k -> ConcurrentHashMap.newKeySet())
                            .add(m.monId().monName());
                    NsmXdr.writeStatRes(out, NsmXdr.STAT_SUCC, state.current());
                }
                case 3 -> {
                    NsmXdr.MonId id = NsmXdr.monId(in);
                    Set<String> hosts = monitored.get(id.myId().name());
                    if (hosts != null) {
                        hosts.remove(id.monName());
                    }
                    out.writeInt(state.current());
                }
                case 4 -> {
                    monitored.remove(NsmXdr.myId(in).name());
                    out.writeInt(state.current());
                }
                case 6 -> {
                    NsmXdr.StatChange c = NsmXdr.statChange(in);
                    log.info("NSM: host {} rebooted (state {}), releasing its locks", c.monName(), c.state());
                    hostRebooted.accept(c.monName());
                }
                default -> {
                    return Outcome.PROC_UNAVAIL;
                }
            }
        } catch (XdrException e) {
            log.debug("garbage NSM proc {} args from {}: {}", call.procedure(), ctx.clientAddress(), e.getMessage());
            return Outcome.GARBAGE_ARGS;
        }
        return Outcome.SUCCESS;
    }
}
