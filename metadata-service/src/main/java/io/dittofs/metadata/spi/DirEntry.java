package io.dittofs.metadata.spi;

import java.util.Objects;

/** A name in a directory, with the readdir cookie it was given when it was inserted. */
public record DirEntry(String name, long child, long cookie) {
    public DirEntry {
        Objects.requireNonNull(name, "name");
    }
}
