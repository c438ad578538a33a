package io.dittofs.gateway.smb.server;

import java.util.BitSet;

/**
 * The message ids a connection may use (MS-SMB2 3.3.1.1, 3.3.5.2.3): ids below {@code low} are
 * spent, {@code [low, high)} are granted, and a request spends CreditCharge consecutive ids, each
 * once. Ids may be spent out of order; {@code low} advances over the spent prefix. Grants keep the
 * window at most {@code max} wide, and a response grants at least one credit while the client
 * would otherwise hold none, so it can never be starved.
 */
final class CreditWindow {

    private final int max;
    private long low;
    private long high = 1;
    private BitSet spent = new BitSet();

    CreditWindow(int max) {
        this.max = max;
    }

    /** Spends {@code [messageId, messageId + charge)}; false when any id is outside the window or spent. */
    boolean spend(long messageId, int charge) {
        int n = Math.max(1, charge);
        if (messageId < low || messageId + n > high || messageId + n < messageId) {
            return false;
        }
        int from = (int) (messageId - low);
        if (spent.get(from, from + n).cardinality() != 0) {
            return false;
        }
        spent.set(from, from + n);
        int prefix = spent.nextClearBit(0);
        if (prefix > 0) {
            spent = spent.get(prefix, Math.max(prefix, spent.length()));
            low += prefix;
        }
        return true;
    }

    /** Credits granted for a request that asked for {@code requested} (0 is read as 1). */
    int grant(int requested) {
        long held = high - low - spent.cardinality();
        long room = max - (high - low);
        int g = (int) Math.max(0, Math.min(Math.max(1, requested), room));
        if (g == 0 && held == 0) {
            g = 1;
        }
        high += g;
        return g;
    }

    /** The SMB1 negotiate used no SMB2 id; its SMB2 answer is message 0, so the client continues at 1. */
    void afterSmb1Upgrade() {
        low = 1;
        high = 1;
        spent.clear();
    }

    /** Credits the client holds now (granted, not yet spent). */
    long outstanding() {
        return high - low - spent.cardinality();
    }
}
