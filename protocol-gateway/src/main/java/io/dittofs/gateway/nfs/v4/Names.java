package io.dittofs.gateway.nfs.v4;

import io.dittofs.gateway.nfs.v4.attr.Fattr4;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * component4 decoding and validation (RFC 7530 §12.7, RFC 8881 §14.4): UTF-8, no "/", not "." or "..".
 * Unicode noncharacters (U+FFFE, U+FFFF, U+FDD0..U+FDEF and the last two code points of every
 * plane) are refused like malformed UTF-8: they are reserved for a process's internal use and
 * never interchanged (Unicode §23.7), so no client has a legitimate name with one.
 */
public final class Names {

    /** Read up to this many bytes so an overlong name is NAMETOOLONG, not garbage. */
    public static final int MAX_WIRE = 4096;

    private Names() {
    }

    public static byte[] read(XdrReader in) throws XdrException {
        return in.readOpaque(MAX_WIRE);
    }

    /** OK or the status that refuses {@code raw} as a component. */
    public static int check(byte[] raw) {
        if (raw.length == 0) {
            return Nfs4Status.INVAL;
        }
        if (raw.length > Fattr4.MAX_NAME) {
            return Nfs4Status.NAMETOOLONG;
        }
        String s = decode(raw);
        if (s == null || s.codePoints().anyMatch(Names::noncharacter)) {
            return Nfs4Status.INVAL;
        }
        if (s.equals(".") || s.equals("..")) {
            return Nfs4Status.BADNAME;
        }
        if (s.indexOf('/') >= 0 || s.indexOf('\0') >= 0) {
            return Nfs4Status.BADCHAR;
        }
        return Nfs4Status.OK;
    }

    static boolean noncharacter(int cp) {
        return (cp & 0xFFFE) == 0xFFFE || (cp >= 0xFDD0 && cp <= 0xFDEF);
    }

    /** The name as a string, or null when it is not valid UTF-8. */
    public static String decode(byte[] raw) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
