package io.dittofs.gateway.fs.model;

/**
 * What to create in a directory.
 *
 * @param mode          regular files only; every other type is created GUARDED
 * @param verifier      EXCLUSIVE only: the client's 8 bytes; empty otherwise
 * @param symlinkTarget SYMLINK only
 * @param rdevMajor     devices only
 */
public record CreateSpec(FileType type, CreateMode mode, SetAttrs attrs, byte[] verifier, String symlinkTarget,
                         int rdevMajor, int rdevMinor) {

    private static final byte[] NO_VERIFIER = new byte[0];

    public CreateSpec {
        verifier = verifier.clone();
    }

    public static CreateSpec regular(CreateMode mode, SetAttrs attrs, byte[] verifier) {
        return new CreateSpec(FileType.REGULAR, mode, attrs, verifier, "", 0, 0);
    }

    public static CreateSpec directory(SetAttrs attrs) {
        return new CreateSpec(FileType.DIRECTORY, CreateMode.GUARDED, attrs, NO_VERIFIER, "", 0, 0);
    }

    public static CreateSpec symlink(SetAttrs attrs, String target) {
        return new CreateSpec(FileType.SYMLINK, CreateMode.GUARDED, attrs, NO_VERIFIER, target, 0, 0);
    }

    /** Devices, sockets and fifos. */
    public static CreateSpec special(FileType type, SetAttrs attrs, int major, int minor) {
        return new CreateSpec(type, CreateMode.GUARDED, attrs, NO_VERIFIER, "", major, minor);
    }
}
