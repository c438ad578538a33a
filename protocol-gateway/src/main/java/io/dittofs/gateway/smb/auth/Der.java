package io.dittofs.gateway.smb.auth;

import io.dittofs.gateway.smb.wire.WireException;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * The few DER primitives SPNEGO needs: a bounded reader of tag-length-value elements (definite
 * lengths of at most 4 bytes, never past the enclosing element) and a writer.
 */
final class Der {

    private Der() {
    }

    /** One element: its tag, its value's bytes, and its whole encoding (mechListMIC covers the raw mechTypes). */
    record Element(int tag, byte[] value, byte[] encoded) {
    }

    /** Reads consecutive elements out of {@code buf[from, to)}. */
    static final class Reader {
        private final byte[] buf;
        private int pos;
        private final int end;

        Reader(byte[] buf) {
            this(buf, 0, buf.length);
        }

        Reader(byte[] buf, int from, int to) {
            this.buf = buf;
            this.pos = from;
            this.end = to;
        }

        boolean hasMore() {
            return pos < end;
        }

        Element next() throws WireException {
            int start = pos;
            if (end - pos < 2) {
                throw new WireException("DER element truncated");
            }
            int tag = buf[pos++] & 0xff;
            if ((tag & 0x1f) == 0x1f) {
                throw new WireException("DER multi-byte tags are not used by SPNEGO");
            }
            int first = buf[pos++] & 0xff;
            long len;
            if (first < 0x80) {
                len = first;
            } else {
                int n = first & 0x7f;
                if (n == 0 || n > 4 || end - pos < n) {
                    throw new WireException("DER length of " + n + " bytes");
                }
                len = 0;
                for (int i = 0; i < n; i++) {
                    len = len << 8 | (buf[pos++] & 0xff);
                }
            }
            if (len > end - pos) {
                throw new WireException("DER value of " + len + " bytes past its container");
            }
            byte[] value = Arrays.copyOfRange(buf, pos, pos + (int) len);
            pos += (int) len;
            return new Element(tag, value, Arrays.copyOfRange(buf, start, pos));
        }

        Element expect(int tag) throws WireException {
            Element e = next();
            if (e.tag() != tag) {
                throw new WireException(String.format("DER tag 0x%02x where 0x%02x was expected", e.tag(), tag));
            }
            return e;
        }
    }

    static byte[] tlv(int tag, byte[]... parts) {
        ByteArrayOutputStream value = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            value.writeBytes(p);
        }
        int len = value.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream(len + 6);
        out.write(tag);
        if (len < 0x80) {
            out.write(len);
        } else if (len < 0x100) {
            out.write(0x81);
            out.write(len);
        } else if (len < 0x10000) {
            out.write(0x82);
            out.write(len >>> 8);
            out.write(len);
        } else {
            out.write(0x83);
            out.write(len >>> 16);
            out.write(len >>> 8);
            out.write(len);
        }
        out.writeBytes(value.toByteArray());
        return out.toByteArray();
    }
}
