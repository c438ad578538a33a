package io.dittofs.gateway.rpc;

/**
 * The status part of a reply header (RFC 5531 §9). Accepted: {@code stat} is the accept_stat,
 * {@code low}/{@code high} the supported versions of a PROG_MISMATCH. Denied: {@code stat} is the
 * reject_stat, {@code low}/{@code high} the RPC versions of an RPC_MISMATCH, or {@code low} the
 * auth_stat of an AUTH_ERROR.
 */
public record ReplyStatus(boolean accepted, int stat, int low, int high) {

    public boolean success() {
        return accepted && stat == RpcReplies.SUCCESS;
    }
}
