package io.dittofs.gateway.smb.ops;

import io.dittofs.gateway.smb.wire.NtStatus;
import java.nio.charset.StandardCharsets;

/**
 * A CREATE name split into the file's path and its stream (MS-FSCC 2.1.5.1, 2.1.5.2):
 * {@code path}, {@code path:name}, {@code path:name:$DATA} or {@code path::$DATA} (the unnamed
 * data stream, the file itself). Only the last component may name a stream; the stream type must
 * be {@code $DATA} (case-insensitive: the only type a named stream of this server can have), so
 * {@code path:name:}, {@code path:name:$FOO} or {@code path:} are OBJECT_NAME_INVALID, as are
 * stream names with {@code /} or NUL and names the store cannot hold. Stream names may hold any
 * other character, control characters and wildcards included.
 *
 * @param stream the named stream, or null for the file (unnamed stream)
 * @param explicitData the name said {@code ::$DATA}: the unnamed data stream, which a directory has not
 */
record StreamName(int status, String path, String stream, boolean explicitData) {

    /** NTFS's limit of a stream name, in characters. */
    static final int MAX_NAME_CHARS = 255;

    static StreamName parse(String name) {
        int colon = name.indexOf(':');
        if (colon < 0) {
            return new StreamName(NtStatus.SUCCESS, name, null, false);
        }
        String path = name.substring(0, colon);
        String rest = name.substring(colon + 1);
        if (rest.indexOf('\\') >= 0) {
            // a ':' in a directory component of the path
            return invalid(path);
        }
        int second = rest.indexOf(':');
        String stream = second < 0 ? rest : rest.substring(0, second);
        if (second >= 0) {
            String type = rest.substring(second + 1);
            if (!type.equalsIgnoreCase("$DATA")) {
                return invalid(path);
            }
        }
        if (stream.isEmpty()) {
            return second < 0 ? invalid(path) : new StreamName(NtStatus.SUCCESS, path, null, true);
        }
        if (stream.length() > MAX_NAME_CHARS || stream.indexOf('/') >= 0 || stream.indexOf(0) >= 0
                || Streams.xattrName(stream).getBytes(StandardCharsets.UTF_8).length > Streams.MAX_XATTR_NAME_BYTES) {
            return invalid(path);
        }
        return new StreamName(NtStatus.SUCCESS, path, stream, false);
    }

    private static StreamName invalid(String path) {
        return new StreamName(NtStatus.OBJECT_NAME_INVALID, path, null, false);
    }

    boolean named() {
        return stream != null;
    }
}
