package io.dittofs.gateway.fs.model;

/** Object types of the namespace. */
public enum FileType {
    REGULAR, DIRECTORY, SYMLINK, BLOCK_DEVICE, CHAR_DEVICE, SOCKET, FIFO,
    /** A type this gateway does not know (named attributes, a newer service). */
    OTHER
}
