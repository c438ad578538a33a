package io.dittofs.metadata.spi;

import java.util.Objects;

/** A directory entry with the inode it names (null if that inode is gone), for READDIRPLUS. */
public record Listed(DirEntry entry, Inode inode) {
    public Listed {
        Objects.requireNonNull(entry, "entry");
    }
}
