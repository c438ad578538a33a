package io.dittofs.gateway.smb.server;

import io.dittofs.gateway.smb.crypto.Smb2Signing;
import io.dittofs.gateway.smb.wire.ErrorResponse;
import io.dittofs.gateway.smb.wire.Smb2Header;
import io.dittofs.gateway.smb.wire.SmbWriter;
import java.util.List;
import java.util.function.Consumer;

/** Building response messages and assembling a compound: pad, chain NextCommand, then sign each. */
final class Replies {

    private Replies() {
    }

    static Reply message(Smb2Header h, Consumer<SmbWriter> body, Smb2Signing signer) {
        SmbWriter w = new SmbWriter(256);
        h.encode(w);
        body.accept(w);
        return new Reply(w.toByteArray(), signer);
    }

    static Reply error(Smb2Header request, int status, int credits) {
        return message(request.reply(status, credits, 0), new ErrorResponse()::encode, null);
    }

    /** One frame of responses, each padded to 8 bytes when there are several; a signed message's signature covers its padding (MS-SMB2 3.3.4.1.1). */
    static byte[] assemble(List<Reply> replies) {
        if (replies.size() == 1) {
            Reply only = replies.getFirst();
            if (only.signer() != null) {
                only.signer().sign(only.message());
            }
            return only.message();
        }
        SmbWriter out = new SmbWriter(replies.stream().mapToInt(r -> r.message().length + 8).sum());
        for (int i = 0; i < replies.size(); i++) {
            Reply r = replies.get(i);
            byte[] m = r.message();
            boolean last = i == replies.size() - 1;
            // every response of a compound is padded to 8 bytes, the last one too (Windows does, and
            // Samba's client checks it: smbtorture smb2.compound compound-padding); a lone response is not
            if (m.length % 8 != 0) {
                m = java.util.Arrays.copyOf(m, m.length + 8 - m.length % 8);
            }
            if (!last) {
                SmbWriter.setI32(m, 20, m.length);
            }
            if (r.signer() != null) {
                r.signer().sign(m);
            }
            out.bytes(m);
        }
        return out.toByteArray();
    }
}
