package io.dittofs.gateway.smb.wire;

/**
 * A message that does not decode: too short, a length or offset pointing outside the message, a
 * wrong structure size. Checked, so that no decoder lets bad input escape as an unchecked exception;
 * the server answers it with STATUS_INVALID_PARAMETER or drops the connection.
 */
public final class WireException extends Exception {

    public WireException(String message) {
        super(message);
    }
}
