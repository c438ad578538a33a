package io.dittofs.gateway.transport;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * Who may open a connection: at most {@code max} in all, {@code perAddress} from one client
 * address, and the last {@code reserved} slots only for an address holding none yet, so a few
 * addresses filling the table do not lock every other client out.
 */
final class ConnectionAdmission {

    private final int max;
    private final int perAddress;
    private final int reserved;
    private final Map<InetAddress, Integer> byAddress = new HashMap<>();
    private int total;

    ConnectionAdmission(int max, int perAddress, int reserved) {
        this.max = max;
        this.perAddress = perAddress;
        this.reserved = reserved;
    }

    synchronized boolean admit(InetAddress address) {
        int mine = byAddress.getOrDefault(address, 0);
        if (total >= max || mine >= perAddress || (total >= max - reserved && mine > 0)) {
            return false;
        }
        total++;
        byAddress.merge(address, 1, Integer::sum);
        return true;
    }

    synchronized void release(InetAddress address) {
        total--;
        byAddress.computeIfPresent(address, (a, n) -> n == 1 ? null : n - 1);
    }

    synchronized int open() {
        return total;
    }
}
