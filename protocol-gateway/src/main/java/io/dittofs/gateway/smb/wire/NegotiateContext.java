package io.dittofs.gateway.smb.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * SMB 3.1.1 negotiate contexts (MS-SMB2 2.2.3.1, 2.2.4.1): the ones the server acts on are typed,
 * every other type is kept as {@link Other} so that it can be ignored safely.
 */
public sealed interface NegotiateContext {

    int PREAUTH_INTEGRITY = 0x0001;
    int ENCRYPTION = 0x0002;
    int SIGNING = 0x0008;
    int HASH_SHA512 = 0x0001;
    int MAX_CONTEXTS = 32;
    int MAX_IDS = 32;

    int type();

    byte[] data();

    /** Hash algorithms and the salt that seeds the preauth integrity hash. */
    record PreauthIntegrity(List<Integer> hashAlgorithms, byte[] salt) implements NegotiateContext {
        public PreauthIntegrity {
            hashAlgorithms = List.copyOf(hashAlgorithms);
            salt = salt.clone();
        }

        @Override
        public byte[] salt() {
            return salt.clone();
        }

        @Override
        public int type() {
            return PREAUTH_INTEGRITY;
        }

        @Override
        public byte[] data() {
            SmbWriter w = new SmbWriter(8 + salt.length);
            w.u16(hashAlgorithms.size()).u16(salt.length);
            hashAlgorithms.forEach(w::u16);
            return w.bytes(salt).toByteArray();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PreauthIntegrity p && p.hashAlgorithms.equals(hashAlgorithms) && Arrays.equals(p.salt, salt);
        }

        @Override
        public int hashCode() {
            return hashAlgorithms.hashCode();
        }
    }

    /** Ciphers in preference order (AES-128-CCM 1, AES-128-GCM 2, AES-256-CCM 3, AES-256-GCM 4). */
    record Encryption(List<Integer> ciphers) implements NegotiateContext {
        public Encryption {
            ciphers = List.copyOf(ciphers);
        }

        @Override
        public int type() {
            return ENCRYPTION;
        }

        @Override
        public byte[] data() {
            return ids(ciphers);
        }
    }

    /** Signing algorithms (HMAC-SHA256 0, AES-CMAC 1, AES-GMAC 2). */
    record Signing(List<Integer> algorithms) implements NegotiateContext {
        public Signing {
            algorithms = List.copyOf(algorithms);
        }

        @Override
        public int type() {
            return SIGNING;
        }

        @Override
        public byte[] data() {
            return ids(algorithms);
        }
    }

    record Other(int type, byte[] data) implements NegotiateContext {
        public Other {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Other x && x.type == type && Arrays.equals(x.data, data);
        }

        @Override
        public int hashCode() {
            return type;
        }
    }

    private static byte[] ids(List<Integer> ids) {
        SmbWriter w = new SmbWriter(2 + 2 * ids.size());
        w.u16(ids.size());
        ids.forEach(w::u16);
        return w.toByteArray();
    }

    /** Decodes {@code count} contexts starting at {@code offset} (relative to the message start). */
    static List<NegotiateContext> decodeList(SmbReader r, long offset, int count) throws WireException {
        if (count > MAX_CONTEXTS) {
            throw new WireException(count + " negotiate contexts, at most " + MAX_CONTEXTS);
        }
        List<NegotiateContext> out = new ArrayList<>();
        if (count == 0) {
            return out;
        }
        if (offset > r.length()) {
            throw new WireException("NegotiateContextOffset beyond the message");
        }
        r.seek((int) offset);
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                int pad = (8 - r.position() % 8) % 8;
                r.skip(Math.min(pad, r.remaining()));
            }
            int type = r.u16();
            int len = r.u16();
            r.skip(4);
            out.add(decodeOne(type, r.bytes(len)));
        }
        return out;
    }

    private static NegotiateContext decodeOne(int type, byte[] data) throws WireException {
        SmbReader d = SmbReader.of(data);
        return switch (type) {
            case PREAUTH_INTEGRITY -> {
                int n = d.u16();
                int saltLen = d.u16();
                yield new PreauthIntegrity(readIds(d, n), d.bytes(saltLen));
            }
            case ENCRYPTION -> new Encryption(readIds(d, d.u16()));
            case SIGNING -> new Signing(readIds(d, d.u16()));
            default -> new Other(type, data);
        };
    }

    private static List<Integer> readIds(SmbReader d, int n) throws WireException {
        if (n == 0 || n > MAX_IDS) {
            throw new WireException("negotiate context with " + n + " algorithms");
        }
        List<Integer> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(d.u16());
        }
        return ids;
    }

    /** Writes contexts at the writer's position, which must be 8-byte aligned, padding between them. */
    static void encodeList(SmbWriter w, List<NegotiateContext> contexts) {
        for (int i = 0; i < contexts.size(); i++) {
            if (i > 0) {
                w.align(8);
            }
            NegotiateContext c = contexts.get(i);
            byte[] data = c.data();
            w.u16(c.type()).u16(data.length).i32(0).bytes(data);
        }
    }
}
