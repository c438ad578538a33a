package io.dittofs.gateway.smb.auth;

import io.dittofs.gateway.smb.wire.SmbReader;
import io.dittofs.gateway.smb.wire.SmbWriter;
import io.dittofs.gateway.smb.wire.WireException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** NTLMSSP messages (MS-NLMP 2.2.1): NEGOTIATE and AUTHENTICATE decoded, CHALLENGE encoded. */
public final class NtlmMessages {

    static final byte[] SIGNATURE = "NTLMSSP\0".getBytes(StandardCharsets.US_ASCII);

    public static final int UNICODE = 0x00000001;
    public static final int REQUEST_TARGET = 0x00000004;
    public static final int SIGN = 0x00000010;
    public static final int SEAL = 0x00000020;
    public static final int NTLM = 0x00000200;
    public static final int ANONYMOUS = 0x00000800;
    public static final int ALWAYS_SIGN = 0x00008000;
    public static final int TARGET_TYPE_SERVER = 0x00020000;
    public static final int EXTENDED_SESSIONSECURITY = 0x00080000;
    public static final int TARGET_INFO = 0x00800000;
    public static final int VERSION = 0x02000000;
    public static final int NEG_128 = 0x20000000;
    public static final int KEY_EXCH = 0x40000000;
    public static final int NEG_56 = 0x80000000;

    static final int AV_EOL = 0;
    static final int AV_NB_COMPUTER = 1;
    static final int AV_NB_DOMAIN = 2;
    static final int AV_DNS_COMPUTER = 3;
    static final int AV_DNS_DOMAIN = 4;
    static final int AV_FLAGS = 6;
    static final int AV_TIMESTAMP = 7;
    /** MsvAvFlags bit: the AUTHENTICATE message carries a MIC. */
    static final int AV_FLAG_MIC = 0x2;

    private static final int MAX_FIELD = 4096;

    private NtlmMessages() {
    }

    public record Authenticate(byte[] lmResponse, byte[] ntResponse, String domain, String user, String workstation,
                               byte[] encryptedSessionKey, int flags, byte[] mic, int micOffset) {
    }

    /** The flags of a NEGOTIATE message. */
    public static int negotiateFlags(byte[] msg) throws WireException {
        SmbReader r = header(msg, 1);
        return r.i32();
    }

    public static Authenticate authenticate(byte[] msg) throws WireException {
        SmbReader r = header(msg, 3);
        byte[] lm = field(r, msg);
        byte[] nt = field(r, msg);
        byte[] domain = field(r, msg);
        byte[] user = field(r, msg);
        byte[] workstation = field(r, msg);
        byte[] key = field(r, msg);
        int flags = r.i32();
        boolean unicode = (flags & UNICODE) != 0;
        byte[] mic = null;
        int micOffset = -1;
        // the MIC sits after Version when the payload starts late enough to leave room for it
        int payloadStart = minOffset(msg);
        if (payloadStart >= 88 && msg.length >= 88) {
            mic = Arrays.copyOfRange(msg, 72, 88);
            micOffset = 72;
        }
        return new Authenticate(lm, nt, text(domain, unicode), text(user, unicode), text(workstation, unicode), key,
                flags, mic, micOffset);
    }

    private static int minOffset(byte[] msg) throws WireException {
        SmbReader r = SmbReader.of(msg);
        int min = msg.length;
        for (int at = 12; at <= 52; at += 8) {
            r.seek(at);
            int len = r.u16();
            r.skip(2);
            long off = r.u32();
            if (len > 0) {
                min = (int) Math.min(min, off);
            }
        }
        return min;
    }

    private static SmbReader header(byte[] msg, int type) throws WireException {
        SmbReader r = SmbReader.of(msg);
        if (!Arrays.equals(r.bytes(8), SIGNATURE)) {
            throw new WireException("not an NTLMSSP message");
        }
        if (r.i32() != type) {
            throw new WireException("NTLMSSP message is not of type " + type);
        }
        return r;
    }

    private static byte[] field(SmbReader r, byte[] msg) throws WireException {
        int len = r.u16();
        r.skip(2);
        long off = r.u32();
        if (len > MAX_FIELD) {
            throw new WireException("NTLMSSP field of " + len + " bytes");
        }
        return SmbReader.of(msg).slice(0, off, len);
    }

    private static String text(byte[] b, boolean unicode) throws WireException {
        return unicode ? SmbReader.utf16(b) : new String(b, StandardCharsets.US_ASCII);
    }

    /** CHALLENGE with the given flags, server challenge and target info (AV pairs), target name as NetBIOS name. */
    static byte[] challenge(int flags, byte[] serverChallenge, String targetName, byte[] targetInfo) {
        byte[] name = SmbWriter.utf16(targetName);
        SmbWriter w = new SmbWriter(64 + name.length + targetInfo.length);
        int payload = 56;
        w.bytes(SIGNATURE).i32(2);
        w.u16(name.length).u16(name.length).i32(payload);
        w.i32(flags).bytes(serverChallenge).zeros(8);
        w.u16(targetInfo.length).u16(targetInfo.length).i32(payload + name.length);
        w.u8(10).u8(0).u16(20348).zeros(3).u8(15);
        return w.bytes(name).bytes(targetInfo).toByteArray();
    }

    static byte[] targetInfo(String netbiosName, String netbiosDomain, long fileTime) {
        SmbWriter w = new SmbWriter(128);
        av(w, AV_NB_DOMAIN, SmbWriter.utf16(netbiosDomain));
        av(w, AV_NB_COMPUTER, SmbWriter.utf16(netbiosName));
        av(w, AV_DNS_DOMAIN, SmbWriter.utf16(netbiosDomain.toLowerCase(java.util.Locale.ROOT)));
        av(w, AV_DNS_COMPUTER, SmbWriter.utf16(netbiosName.toLowerCase(java.util.Locale.ROOT)));
        av(w, AV_TIMESTAMP, new SmbWriter(8).i64(fileTime).toByteArray());
        return w.u16(AV_EOL).u16(0).toByteArray();
    }

    private static void av(SmbWriter w, int id, byte[] value) {
        w.u16(id).u16(value.length).bytes(value);
    }

    /** Whether the AV pairs of an NTLMv2 client blob (after the 28-byte fixed part) say that a MIC is present. */
    static boolean micFlagged(byte[] ntResponse) throws WireException {
        SmbReader r = SmbReader.of(ntResponse);
        r.seek(16 + 28);
        while (r.remaining() >= 4) {
            int id = r.u16();
            int len = r.u16();
            if (id == AV_EOL) {
                return false;
            }
            byte[] v = r.bytes(len);
            if (id == AV_FLAGS && len == 4 && (SmbReader.of(v).i32() & AV_FLAG_MIC) != 0) {
                return true;
            }
        }
        return false;
    }
}
