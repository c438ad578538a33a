package io.dittofs.gateway.smb.auth;

import io.dittofs.gateway.smb.wire.WireException;
import java.util.Arrays;

/**
 * SPNEGO (RFC 4178, MS-SPNG) as far as NTLM over SMB needs it: a client's NegTokenInit or
 * NegTokenResp is reduced to its mech token and mechListMIC; the server answers NegTokenResp.
 * A raw NTLMSSP blob (some clients skip SPNEGO) passes through.
 */
public final class Spnego {

    static final byte[] NTLMSSP_OID = {0x06, 0x0a, 0x2b, 0x06, 0x01, 0x04, 0x01, (byte) 0x82, 0x37, 0x02, 0x02, 0x0a};
    private static final byte[] SPNEGO_OID = {0x06, 0x06, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x02};

    public static final int ACCEPT_COMPLETED = 0;
    public static final int ACCEPT_INCOMPLETE = 1;
    public static final int REJECT = 2;

    private Spnego() {
    }

    /**
     * @param mechTypes   the encoded MechTypeList of a NegTokenInit (what mechListMIC covers), or null
     * @param ntlmFirst   whether NTLMSSP is the client's first (optimistic) mechanism
     * @param mechToken   the NTLMSSP message, or null
     * @param mechListMic the client's mechListMIC, or null
     */
    public record ClientToken(byte[] mechTypes, boolean ntlmFirst, byte[] mechToken, byte[] mechListMic) {
    }

    public static ClientToken parse(byte[] token) throws WireException {
        if (token.length >= 8 && Arrays.equals(Arrays.copyOf(token, 8), NtlmMessages.SIGNATURE)) {
            return new ClientToken(null, true, token, null);
        }
        Der.Reader outer = new Der.Reader(token);
        Der.Element first = outer.next();
        if (first.tag() == 0x60) {
            Der.Reader app = new Der.Reader(first.value());
            if (!Arrays.equals(app.expect(0x06).encoded(), SPNEGO_OID)) {
                throw new WireException("not a SPNEGO token");
            }
            Der.Reader init = new Der.Reader(app.expect(0xa0).value());
            return negTokenInit(new Der.Reader(init.expect(0x30).value()));
        }
        if (first.tag() == 0xa1) {
            Der.Reader resp = new Der.Reader(new Der.Reader(first.value()).expect(0x30).value());
            byte[] mechToken = null;
            byte[] mic = null;
            while (resp.hasMore()) {
                Der.Element e = resp.next();
                if (e.tag() == 0xa2) {
                    mechToken = new Der.Reader(e.value()).expect(0x04).value();
                } else if (e.tag() == 0xa3) {
                    mic = new Der.Reader(e.value()).expect(0x04).value();
                }
            }
            return new ClientToken(null, true, mechToken, mic);
        }
        throw new WireException(String.format("SPNEGO token with tag 0x%02x", first.tag()));
    }

    private static ClientToken negTokenInit(Der.Reader seq) throws WireException {
        byte[] mechTypes = null;
        boolean ntlmFirst = false;
        byte[] mechToken = null;
        byte[] mic = null;
        while (seq.hasMore()) {
            Der.Element e = seq.next();
            switch (e.tag()) {
                case 0xa0 -> {
                    Der.Element list = new Der.Reader(e.value()).expect(0x30);
                    mechTypes = list.encoded();
                    Der.Reader oids = new Der.Reader(list.value());
                    ntlmFirst = oids.hasMore() && Arrays.equals(oids.next().encoded(), NTLMSSP_OID);
                }
                case 0xa2 -> mechToken = new Der.Reader(e.value()).expect(0x04).value();
                case 0xa3 -> mic = new Der.Reader(e.value()).expect(0x04).value();
                default -> {
                    // reqFlags: not used by SMB
                }
            }
        }
        return new ClientToken(mechTypes, ntlmFirst, mechToken, mic);
    }

    /** A NegTokenResp; {@code withMech} names NTLMSSP (the first reply), {@code token} and {@code mic} may be null. */
    public static byte[] response(int state, boolean withMech, byte[] token, byte[] mic) {
        byte[] negState = Der.tlv(0xa0, Der.tlv(0x0a, new byte[] {(byte) state}));
        byte[] mech = withMech ? Der.tlv(0xa1, NTLMSSP_OID) : new byte[0];
        byte[] tok = token == null ? new byte[0] : Der.tlv(0xa2, Der.tlv(0x04, token));
        byte[] m = mic == null ? new byte[0] : Der.tlv(0xa3, Der.tlv(0x04, mic));
        return Der.tlv(0xa1, Der.tlv(0x30, negState, mech, tok, m));
    }
}
