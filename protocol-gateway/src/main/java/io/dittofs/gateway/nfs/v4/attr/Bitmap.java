package io.dittofs.gateway.nfs.v4.attr;

import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

import java.util.Arrays;

/** bitmap4 (RFC 7530 §3.2): attribute numbers as bits of 32-bit words, immutable. */
public final class Bitmap {

    /**
     * Every attribute defined through NFSv4.2 fits in 3 words; clients may still ask for unknown
     * higher numbers (which are simply not answered), so up to 2,048 attribute bits are read.
     */
    public static final int MAX_WORDS = 64;
    public static final Bitmap EMPTY = new Bitmap(new int[0]);

    private final int[] words;

    private Bitmap(int[] words) {
        this.words = words;
    }

    public static Bitmap of(int... bits) {
        int max = Arrays.stream(bits).max().orElse(-1);
        int[] w = new int[max / 32 + 1];
        for (int b : bits) {
            w[b / 32] |= 1 << (b % 32);
        }
        return new Bitmap(w);
    }

    public static Bitmap read(XdrReader in) throws XdrException {
        long n = in.readUnsignedInt();
        if (n > MAX_WORDS) {
            throw new XdrException("bitmap of " + n + " words exceeds " + MAX_WORDS);
        }
        int[] w = new int[(int) n];
        for (int i = 0; i < n; i++) {
            w[i] = in.readInt();
        }
        return new Bitmap(w);
    }

    public boolean has(int bit) {
        return bit >= 0 && bit / 32 < words.length && (words[bit / 32] & (1 << (bit % 32))) != 0;
    }

    /** The highest attribute number that could be set, plus one. */
    public int bits() {
        return words.length * 32;
    }

    public boolean isEmpty() {
        return Arrays.stream(words).allMatch(w -> w == 0);
    }

    public Bitmap and(Bitmap o) {
        int[] w = new int[Math.min(words.length, o.words.length)];
        for (int i = 0; i < w.length; i++) {
            w[i] = words[i] & o.words[i];
        }
        return new Bitmap(w);
    }

    /** The bits set here and not in {@code o}. */
    public Bitmap minus(Bitmap o) {
        int[] w = words.clone();
        for (int i = 0; i < Math.min(w.length, o.words.length); i++) {
            w[i] &= ~o.words[i];
        }
        return new Bitmap(w);
    }

    /** Writes without trailing zero words. */
    public void write(XdrWriter out) {
        int n = words.length;
        while (n > 0 && words[n - 1] == 0) {
            n--;
        }
        out.writeInt(n);
        for (int i = 0; i < n; i++) {
            out.writeInt(words[i]);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bitmap b && Arrays.equals(trim(words), trim(b.words));
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(trim(words));
    }

    private static int[] trim(int[] w) {
        int n = w.length;
        while (n > 0 && w[n - 1] == 0) {
            n--;
        }
        return Arrays.copyOf(w, n);
    }
}
