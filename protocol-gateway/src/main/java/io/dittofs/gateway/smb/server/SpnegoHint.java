package io.dittofs.gateway.smb.server;

/**
 * The SPNEGO NegTokenInit the server puts in the NEGOTIATE security buffer (MS-SPNG 3.2.5.2): an
 * InitialContextToken for the SPNEGO OID whose mechTypes list only NTLMSSP. DER, written out by
 * hand because it never changes:
 * {@code [APPLICATION 0] { OID 1.3.6.1.5.5.2, [0] NegTokenInit { [0] mechTypes { OID 1.3.6.1.4.1.311.2.2.10 } } }}.
 */
final class SpnegoHint {

    private static final byte[] TOKEN = {
        0x60, 0x1c,
        0x06, 0x06, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x02,
        (byte) 0xa0, 0x12, 0x30, 0x10, (byte) 0xa0, 0x0e, 0x30, 0x0c,
        0x06, 0x0a, 0x2b, 0x06, 0x01, 0x04, 0x01, (byte) 0x82, 0x37, 0x02, 0x02, 0x0a,
    };

    private SpnegoHint() {
    }

    static byte[] token() {
        return TOKEN.clone();
    }
}
