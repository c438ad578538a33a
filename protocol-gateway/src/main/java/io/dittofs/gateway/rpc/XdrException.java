package io.dittofs.gateway.rpc;

/**
 * Malformed XDR from the wire. Checked on purpose: every decoder must turn bad input into a typed
 * outcome (GARBAGE_ARGS, a dropped record), never an unchecked crash of the connection.
 */
public final class XdrException extends Exception {

    public XdrException(String message) {
        super(message, null, false, false);
    }
}
