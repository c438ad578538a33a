package io.dittofs.control.idp;

/** Decodes a binary SID (MS-DTYP 2.4.2.2) to its "S-1-..." text form. */
final class BinarySids {

    private BinarySids() {
    }

    static String decode(byte[] b) {
        int count = b[1] & 0xff;
        if (b.length < 8 + 4 * count) {
            throw new DirectoryUnavailableException("truncated binary SID", null);
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
