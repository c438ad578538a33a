package io.dittofs.launcher.startup;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The data directory: created when missing, refused with the setting to change when it cannot be used. */
public final class DataDir {

    private DataDir() {
    }

    /** Creates it if needed; returns the absolute path. */
    public static Path prepare(String configured) {
        Path dir;
        try {
            dir = Path.of(configured).toAbsolutePath().normalize();
        } catch (RuntimeException e) {
            throw new StartupFailure("data dir '" + configured + "' is not a valid path; set " + Setting.DATA_DIR.names()
                    + " to a directory, e.g. $HOME/dittofs-data");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new StartupFailure("data dir " + dir + " is a file, not a directory; set " + Setting.DATA_DIR.names()
                    + " to a directory (it is created when missing)");
        }
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw new StartupFailure("data dir " + dir + " cannot be created: " + e.getFile()
                    + " is a file; set " + Setting.DATA_DIR.names() + " to a directory you can write");
        } catch (AccessDeniedException e) {
            throw new StartupFailure("data dir " + dir + " cannot be created: permission denied on " + e.getFile()
                    + "; set " + Setting.DATA_DIR.names() + " to a directory you can write, e.g. $HOME/dittofs-data");
        } catch (FileSystemException e) {
            String reason = fileInTheWay(dir).map(f -> f + " is a file")
                    .orElse(e.getFile() + ": " + e.getReason());
            throw new StartupFailure("data dir " + dir + " cannot be created: " + reason + "; set "
                    + Setting.DATA_DIR.names() + " to a directory you can write");
        } catch (IOException e) {
            throw new StartupFailure("data dir " + dir + " cannot be created: " + e.getMessage() + "; set "
                    + Setting.DATA_DIR.names() + " to a directory you can write");
        }
        if (!Files.isWritable(dir)) {
            throw new StartupFailure("data dir " + dir + " is not writable by this user; set " + Setting.DATA_DIR.names()
                    + " to a directory you can write, or fix its owner");
        }
        return dir;
    }

    private static Optional<Path> fileInTheWay(Path dir) {
        for (Path p = dir.getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                return Files.isDirectory(p) ? Optional.empty() : Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
