package io.dittofs.gateway.smb.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits one transport frame into its compounded SMB2 messages (MS-SMB2 3.3.5.2.7): each header's
 * NextCommand is the 8-byte aligned distance to the next header, 0 on the last. A chain that points
 * backwards, past the frame, or off alignment is refused as a whole, as is a chain longer than
 * {@code maxMessages}, so a client cannot make one frame cost more than its bytes and a bounded count.
 */
public final class Smb2Frame {

    private Smb2Frame() {
    }

    public static List<Smb2Packet> split(byte[] frame, int maxMessages) throws WireException {
        List<Smb2Packet> out = new ArrayList<>();
        int at = 0;
        while (true) {
            if (out.size() == maxMessages) {
                throw new WireException("more than " + maxMessages + " compounded messages");
            }
            if (frame.length - at < Smb2Header.SIZE) {
                throw new WireException("message at " + at + " shorter than an SMB2 header");
            }
            Smb2Header h = Smb2Header.decode(new SmbReader(frame, at, frame.length));
            long next = h.nextCommand() & 0xffffffffL;
            if (next == 0) {
                // a lone message (the common case, and every large READ/WRITE) is the frame itself
                out.add(new Smb2Packet(h, at == 0 ? frame : Arrays.copyOfRange(frame, at, frame.length)));
                return out;
            }
            if (next < Smb2Header.SIZE || (next & 7) != 0 || next > frame.length - at) {
                throw new WireException("NextCommand " + next + " at " + at + " does not point at a header");
            }
            out.add(new Smb2Packet(h, Arrays.copyOfRange(frame, at, at + (int) next)));
            at += (int) next;
        }
    }

    /** Joins response messages into one compounded frame, padding each but the last to 8 bytes and setting NextCommand. */
    public static byte[] join(List<byte[]> messages) {
        SmbWriter w = new SmbWriter(messages.stream().mapToInt(m -> m.length + 8).sum());
        for (int i = 0; i < messages.size(); i++) {
            byte[] m = messages.get(i);
            int start = w.position();
            w.bytes(m);
            if (i < messages.size() - 1) {
                w.align(8);
                w.setI32(start + 20, w.position() - start);
            }
        }
        return w.toByteArray();
    }
}
