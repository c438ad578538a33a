package io.dittofs.gateway.smb.ops.fsctl;

import io.dittofs.gateway.smb.wire.WireException;

/** Test access to the package-private VALIDATE_NEGOTIATE_INFO decoder. */
public final class ValidateNegotiateInfoAccess {

    private ValidateNegotiateInfoAccess() {
    }

    public static Object decode(byte[] input) throws WireException {
        return ValidateNegotiateInfo.decode(input);
    }
}
