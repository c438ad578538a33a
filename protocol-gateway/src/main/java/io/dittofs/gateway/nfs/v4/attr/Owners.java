package io.dittofs.gateway.nfs.v4.attr;

import io.dittofs.gateway.identity.IdentityNames;

/**
 * owner and owner_group strings (RFC 7530 §5.9, RFC 8881 §5.9): {@code name@domain} for ids the
 * identity service names, else the numeric id as a string (what AUTH_SYS clients expect without an
 * idmapper). Incoming strings may be numeric ({@code 1000} or {@code 1000@any}) or a name in this
 * server's domain.
 */
public final class Owners {

    /** No names, the default domain: numeric ids only. */
    public static final Owners NUMERIC = new Owners("localdomain", IdentityNames.NONE);
    /** What {@link #uid} and {@link #gid} answer for a string that names nobody (BADOWNER). */
    public static final long UNKNOWN = -1;

    private final String domain;
    private final IdentityNames names;

    public Owners(String domain, IdentityNames names) {
        this.domain = domain;
        this.names = names;
    }

    public String domain() {
        return domain;
    }

    public String owner(int uid) {
        return names.userName(uid).map(n -> n + "@" + domain).orElseGet(() -> Integer.toUnsignedString(uid));
    }

    public String group(int gid) {
        return names.groupName(gid).map(n -> n + "@" + domain).orElseGet(() -> Integer.toUnsignedString(gid));
    }

    public long uid(String s) {
        return resolve(s, true);
    }

    public long gid(String s) {
        return resolve(s, false);
    }

    private long resolve(String s, boolean user) {
        int at = s.lastIndexOf('@');
        String name = at < 0 ? s : s.substring(0, at);
        long numeric = numeric(name);
        if (numeric >= 0) {
            return numeric;
        }
        if (name.isEmpty() || (at >= 0 && !s.substring(at + 1).equalsIgnoreCase(domain))) {
            return UNKNOWN;
        }
        var id = user ? names.uid(name) : names.gid(name);
        return id.isPresent() ? Integer.toUnsignedLong(id.getAsInt()) : UNKNOWN;
    }

    private static long numeric(String s) {
        if (s.isEmpty() || s.length() > 10) {
            return UNKNOWN;
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return UNKNOWN;
            }
            v = v * 10 + (ch - '0');
        }
        return v > 0xffffffffL ? UNKNOWN : v;
    }
}
