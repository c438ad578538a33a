package io.dittofs.metadata.core;

import io.dittofs.contracts.StatusException;
import io.dittofs.contracts.common.v1.Status;
import java.nio.charset.StandardCharsets;

/** Name component rules shared by every operation that creates, finds or removes a name. */
public final class Names {

    public static final int MAX_NAME_BYTES = 255;

    private Names() {
    }

    /** A component that may be created, removed or renamed: no ".", "..", "/" or NUL. */
    public static void validate(String name) {
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw new StatusException(Status.INVALID_NAME, "reserved or empty name");
        }
        validateChars(name);
    }

    /** Lookup accepts "." and ".." as well. */
    public static void validateLookup(String name) {
        if (name.isEmpty()) {
            throw new StatusException(Status.INVALID_NAME, "empty name");
        }
        validateChars(name);
    }

    private static void validateChars(String name) {
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (ch == '/' || ch == 0) {
                throw new StatusException(Status.INVALID_NAME, "name contains '/' or NUL");
            }
            // protobuf replaces invalid UTF-8 with U+FFFD, and lone surrogates cannot be encoded
            if (ch == '\uFFFD' || Character.isSurrogate(ch) && !validSurrogatePair(name, i)) {
                throw new StatusException(Status.INVALID_NAME, "name is not valid UTF-8");
            }
            if (Character.isHighSurrogate(ch)) {
                i++;
            }
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            throw new StatusException(Status.NAMETOOLONG, "name longer than " + MAX_NAME_BYTES + " bytes");
        }
    }

    private static boolean validSurrogatePair(String s, int i) {
        return Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
}
