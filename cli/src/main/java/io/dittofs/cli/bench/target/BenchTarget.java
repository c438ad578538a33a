package io.dittofs.cli.bench.target;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a benchmark runs: a mounted directory, or an NFS share reached by the project's own client. */
public sealed interface BenchTarget permits LocalTarget, NfsTarget {

    /** Opens one worker's session rooted in the run directory {@code runDir}, created by {@link #createRunDir}. */
    Session open(String runDir) throws IOException;

    void createRunDir(String runDir) throws IOException;

    void removeRunDir(String runDir) throws IOException;

    /** Printable form, without credentials. */
    String describe();

    /** Parses a target argument: {@code nfs://host[:port]/share}, a plain path, or a refused scheme. */
    static BenchTarget parse(String spec, NfsTarget.Options nfs) {
        if (spec.startsWith("smb://")) {
            throw new UnsupportedTargetException("smb:// targets are not supported yet: the project's SMB client does "
                    + "not exist; mount the share and pass the mount path instead");
        }
        if (spec.startsWith("nfs://")) {
            return NfsTarget.of(URI.create(spec), nfs);
        }
        if (spec.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
            throw new UnsupportedTargetException("unknown target scheme in '" + spec
                    + "': use nfs://host[:port]/share or a directory path");
        }
        Path dir = Path.of(spec).toAbsolutePath();
        if (!Files.isDirectory(dir)) {
            throw new UnsupportedTargetException("target directory " + dir + " does not exist or is not a directory");
        }
        return new LocalTarget(dir);
    }

    /** A target the tool cannot drive; exit status 2. */
    final class UnsupportedTargetException extends RuntimeException {
        public UnsupportedTargetException(String message) {
            super(message);
        }
    }
}
