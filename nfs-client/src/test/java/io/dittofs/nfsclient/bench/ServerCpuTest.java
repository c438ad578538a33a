package io.dittofs.nfsclient.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ServerCpuTest {

    private static final String SELF = Long.toString(ProcessHandle.current().pid());

    @Test
    void sumsTheCpuOfEveryListedProcess() {
        burn();
        ServerCpu one = ServerCpu.of(SELF);
        ServerCpu twice = ServerCpu.of(SELF + ", " + SELF);
        long before = one.ticks();
        long sum = twice.ticks();
        long after = one.ticks();
        assertTrue(before > 0, "this JVM has used CPU: " + before);
        assertTrue(sum >= 2 * before && sum <= 2 * after, before + " <= " + sum + "/2 <= " + after);
    }

    @Test
    void noPidsMeansDisabled() {
        ServerCpu none = ServerCpu.of(" ");
        assertFalse(none.enabled());
        assertEquals(-1, none.ticks());
        assertEquals("", none.perOp(none.ticks(), none.ticks(), 10));
    }

    @Test
    void aVanishedProcessMakesTheReadingUnknownNotSmaller() {
        ServerCpu gone = ServerCpu.of(SELF + ",999999999");
        assertTrue(gone.enabled());
        assertEquals(-1, gone.ticks());
    }

    private static void burn() {
        long end = System.nanoTime() + 50_000_000;
        long x = 0;
        while (System.nanoTime() < end) {
            x += x * 31 + 7;
        }
        assertTrue(x != 42 || end > 0);
    }
}
