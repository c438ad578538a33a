package io.dittofs.gateway.rpc;

/** How a program handled a call: SUCCESS (results written) or an accept/auth error without body. */
public record Outcome(int acceptStat, AuthStat authError) {

    public static final Outcome SUCCESS = new Outcome(RpcReplies.SUCCESS, null);
    public static final Outcome PROC_UNAVAIL = new Outcome(RpcReplies.PROC_UNAVAIL, null);
    public static final Outcome GARBAGE_ARGS = new Outcome(RpcReplies.GARBAGE_ARGS, null);
    public static final Outcome SYSTEM_ERR = new Outcome(RpcReplies.SYSTEM_ERR, null);

    public static Outcome authError(AuthStat stat) {
        return new Outcome(-1, stat);
    }

    public boolean success() {
        return authError == null && acceptStat == RpcReplies.SUCCESS;
    }
}
