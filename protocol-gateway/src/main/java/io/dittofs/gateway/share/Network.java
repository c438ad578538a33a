package io.dittofs.gateway.share;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An allowed client network in CIDR notation ({@code 10.0.0.0/8}, {@code 127.0.0.1}, {@code ::1/128}). */
public record Network(byte[] address, int prefix) {

    public static Network parse(String cidr) {
        String s = cidr.trim();
        int slash = s.indexOf('/');
        String host = slash < 0 ? s : s.substring(0, slash);
        if (!host.matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException("not an IP network: '" + cidr + "' (use e.g. 10.0.0.0/8)");
        }
        byte[] addr;
        try {
            addr = InetAddress.getByName(host).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP network: '" + cidr + "' (use e.g. 10.0.0.0/8)", e);
        }
        int prefix;
        try {
            prefix = slash < 0 ? addr.length * 8 : Integer.parseInt(s.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad prefix length in '" + cidr + "'", e);
        }
        if (prefix < 0 || prefix > addr.length * 8) {
            throw new IllegalArgumentException("prefix length out of range in '" + cidr + "'");
        }
        return new Network(addr, prefix);
    }

    public boolean contains(InetAddress a) {
        byte[] b = a.getAddress();
        if (b.length != address.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (b[i] != address[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (b[full] & mask) == (address[full] & mask);
    }
}
