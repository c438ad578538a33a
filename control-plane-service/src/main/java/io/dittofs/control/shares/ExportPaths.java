package io.dittofs.control.shares;

import io.dittofs.control.api.ApiException;
import java.util.regex.Pattern;

/**
 * The one rule for share export paths, applied before a path is stored or compared: absolute,
 * no empty, "." or ".." segments (so "/projects/../export" can neither escape nor alias
 * "/export"), letters, digits, '_', '.', '-' in at most 8 segments of at most 64 characters, no
 * trailing '/' (dropped, so "/export/" and "/export" are the same export and the second is a
 * duplicate).
 */
public final class ExportPaths {

    static final int MAX_SEGMENTS = 8;
    static final int MAX_SEGMENT_LENGTH = 64;
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final String FIELD = "exportPath";

    private ExportPaths() {
    }

    /** The normal form of {@code path}; refuses it (422, field exportPath) when it breaks the rule. */
    public static String normalize(String path) {
        if (path == null || path.isEmpty()) {
            throw ApiException.invalid(FIELD, "export path is empty; give an absolute path such as /projects");
        }
        if (!path.startsWith("/")) {
            throw ApiException.invalid(FIELD, "export path '" + path + "' is not absolute; it must start with '/', e.g. /projects");
        }
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (p.equals("/")) {
            throw ApiException.invalid(FIELD, "export path '/' names no directory; use e.g. /export");
        }
        String[] segments = p.substring(1).split("/", -1);
        if (segments.length > MAX_SEGMENTS) {
            throw ApiException.invalid(FIELD, "export path '" + path + "' has more than " + MAX_SEGMENTS + " segments");
        }
        for (String s : segments) {
            if (s.isEmpty()) {
                throw ApiException.invalid(FIELD, "export path '" + path + "' has an empty segment ('//')");
            }
            if (s.equals(".") || s.equals("..")) {
                throw ApiException.invalid(FIELD, "export path '" + path + "' contains a '" + s + "' segment; give the path without it");
            }
            if (s.length() > MAX_SEGMENT_LENGTH || !SEGMENT.matcher(s).matches()) {
                throw ApiException.invalid(FIELD, "export path segment '" + abbreviate(s) + "' must be 1-" + MAX_SEGMENT_LENGTH
                        + " letters, digits, '_', '.' or '-'");
            }
        }
        return p;
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
