package io.dittofs.gateway.smb.ipc.rpc;

import io.dittofs.gateway.smb.wire.WireException;

/** One DCE/RPC interface served on a pipe: its abstract syntax and its operations on NDR stubs. */
public interface RpcInterface {

    SyntaxId syntax();

    /**
     * The response stub of an operation. A {@link WireException} (a stub that does not decode) is
     * answered with a fault, as is an opnum the interface does not have ({@link RpcFault}).
     */
    byte[] call(int opnum, byte[] stub) throws WireException, RpcFault;
}
