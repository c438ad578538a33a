package io.dittofs.nfsclient;

/** The RPC itself failed (transport, malformed or denied reply), as opposed to an NFS status. */
public class RpcException extends RuntimeException {

    public RpcException(String message) {
        super(message);
    }

    public RpcException(String message, Throwable cause) {
        super(message, cause);
    }
}
