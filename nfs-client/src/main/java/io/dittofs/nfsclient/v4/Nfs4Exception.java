package io.dittofs.nfsclient.v4;

import io.dittofs.nfsclient.RpcException;

/** An NFSv4 operation answered with a status other than NFS4_OK. */
public final class Nfs4Exception extends RpcException {

    private final int op;
    private final int status;

    public Nfs4Exception(int op, int status) {
        super("NFSv4 operation " + op + " failed with nfsstat4 " + status);
        this.op = op;
        this.status = status;
    }

    public int op() {
        return op;
    }

    public int status() {
        return status;
    }
}
