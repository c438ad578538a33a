package io.dittofs.control.shares;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Validates and normalizes client network rules: "10.0.0.0/8", "192.168.1.7", "fd00::/8". */
public final class Cidrs {

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]{2,45}");

    private Cidrs() {
    }

    /** The normalized CIDR, or null when the text is not one. */
    public static String normalize(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        int slash = t.indexOf('/');
        String addr = slash < 0 ? t : t.substring(0, slash);
        boolean v4 = IPV4.matcher(addr).matches();
        boolean v6 = !v4 && addr.contains(":") && IPV6.matcher(addr).matches();
        if (!v4 && !v6) {
            return null;
        }
        int max = v4 ? 32 : 128;
        int prefix = max;
        if (slash >= 0) {
            String p = t.substring(slash + 1);
            if (!p.matches("\\d{1,3}")) {
                return null;
            }
            prefix = Integer.parseInt(p);
            if (prefix > max) {
                return null;
            }
        }
        try {
            // a literal (digits, dots, colons only) never triggers a name lookup
            InetAddress parsed = InetAddress.getByName(addr);
            return parsed.getHostAddress() + "/" + prefix;
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
