package io.dittofs.control.idp;

/** Decodes a binary SID (MS-DTYP 2.4.2.2) to its "S-1-..." text form. */
public final class BinarySids {

    private BinarySids() {
    }

    public static String decode(byte[] b) {
        if (b.length < 8) {
            throw new DirectoryUnavailableException("binary SID shorter than its 8-byte header", null);
        }
        int count = b[1] & 0xff;
        // MS-DTYP allows at most 15 sub-authorities; the count byte is not trusted beyond the data present
        if (count > 15 || b.length != 8 + 4 * count) {
            throw new DirectoryUnavailableException("binary SID length does not match its sub-authority count", null);
        }
        long authority = 0;
        for (int i = 2; i < 8; i++) {
            authority = (authority << 8) | (b[i] & 0xff);
        }
        StringBuilder sb = new StringBuilder("S-").append(b[0] & 0xff).append('-').append(authority);
        for (int i = 0; i < count; i++) {
            int o = 8 + 4 * i;
            long sub = (b[o] & 0xffL) | (b[o + 1] & 0xffL) << 8 | (b[o + 2] & 0xffL) << 16 | (b[o + 3] & 0xffL) << 24;
            sb.append('-').append(sub);
        }
        return sb.toString();
    }
}
