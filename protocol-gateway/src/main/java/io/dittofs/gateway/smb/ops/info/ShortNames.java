package io.dittofs.gateway.smb.ops.info;

import java.util.Locale;

/**
 * 8.3 names for FileAlternateNameInformation: a name that already fits is its own short name
 * (upper case); a longer one keeps its first six valid characters, {@code ~1} and up to three of
 * its extension. Not kept anywhere, so two long names may share a short name (no lookup by it).
 */
final class ShortNames {

    private ShortNames() {
    }

    static String of(String path) {
        int slash = path.lastIndexOf('\\');
        String name = path.substring(slash + 1);
        if (name.isEmpty()) {
            return "";
        }
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot + 1) : "";
        if (base.length() <= 8 && ext.length() <= 3 && clean(base).equals(base.toUpperCase(Locale.ROOT))
                && clean(ext).equals(ext.toUpperCase(Locale.ROOT))) {
            return name.toUpperCase(Locale.ROOT);
        }
        String b = clean(base);
        String e = clean(ext);
        b = (b.length() > 6 ? b.substring(0, 6) : b) + "~1";
        e = e.length() > 3 ? e.substring(0, 3) : e;
        return e.isEmpty() ? b : b + "." + e;
    }

    private static String clean(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toUpperCase(Locale.ROOT).toCharArray()) {
            if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "_-$~!#%&{}()@'`^".indexOf(c) >= 0) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
