package io.dittofs.gateway.smb.ops;

import java.util.Locale;

/**
 * Directory search patterns (MS-FSA 2.1.4.4): {@code *} any run, {@code ?} any one character, and
 * the DOS forms {@code <} (any run up to the last dot), {@code >} (any one character, or nothing
 * before a dot or the end), {@code "} (a dot, or nothing at the end). Case-insensitive.
 */
public final class Wildcard {

    private final String pattern;

    private Wildcard(String pattern) {
        this.pattern = pattern.toUpperCase(Locale.ROOT);
    }

    public static Wildcard of(String pattern) {
        return new Wildcard(pattern.isEmpty() ? "*" : pattern);
    }

    public boolean all() {
        return pattern.equals("*") || pattern.equals("*.*") || pattern.equals("<.<");
    }

    /** A pattern without wildcards names one entry. */
    public boolean literal() {
        return pattern.chars().noneMatch(c -> c == '*' || c == '?' || c == '<' || c == '>' || c == '"');
    }

    public boolean matches(String name) {
        if (pattern.equals("*")) {
            return true;
        }
        String n = name.toUpperCase(Locale.ROOT);
        // memo[i][j]: pattern from i matches name from j; bounded by pattern 512 x name 255 units
        Boolean[][] memo = new Boolean[pattern.length() + 1][n.length() + 1];
        return match(0, n, 0, memo);
    }

    private boolean match(int p, String n, int i, Boolean[][] memo) {
        if (memo[p][i] != null) {
            return memo[p][i];
        }
        boolean r;
        if (p == pattern.length()) {
            r = i == n.length();
        } else {
            char c = pattern.charAt(p);
            switch (c) {
                case '*' -> {
                    boolean any = false;
                    for (int k = i; k <= n.length() && !any; k++) {
                        any = match(p + 1, n, k, memo);
                    }
                    r = any;
                }
                case '<' -> {
                    // any run that stops before the name's last dot (all of it when there is none after i)
                    int lastDot = n.lastIndexOf('.');
                    int limit = lastDot >= i ? lastDot : n.length();
                    boolean any = false;
                    for (int k = i; k <= limit && !any; k++) {
                        any = match(p + 1, n, k, memo);
                    }
                    r = any;
                }
                case '?' -> r = i < n.length() && match(p + 1, n, i + 1, memo);
                case '>' -> {
                    if (i == n.length() || n.charAt(i) == '.') {
                        r = match(p + 1, n, i, memo);
                    } else {
                        r = match(p + 1, n, i + 1, memo);
                    }
                }
                case '"' -> {
                    if (i < n.length() && n.charAt(i) == '.') {
                        r = match(p + 1, n, i + 1, memo);
                    } else {
                        r = i == n.length() && match(p + 1, n, i, memo);
                    }
                }
                default -> r = i < n.length() && n.charAt(i) == c && match(p + 1, n, i + 1, memo);
            }
        }
        memo[p][i] = r;
        return r;
    }
}
