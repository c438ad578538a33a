package io.dittofs.gateway.smb.wire;

/** SMB2 CLOSE response (MS-SMB2 2.2.16): attributes only with POSTQUERY_ATTRIB ({@code basics} null otherwise). */
public record CloseResponse(FileBasics basics) {

    public void encode(SmbWriter w) {
        if (basics == null) {
            w.u16(60).u16(0).i32(0).zeros(48).i32(0);
            return;
        }
        w.u16(60).u16(CloseRequest.POSTQUERY_ATTRIB).i32(0);
        basics.encodeTimes(w);
        w.i64(basics.allocationSize()).i64(basics.endOfFile()).i32(basics.attributes());
    }
}
