package io.dittofs.gateway.locks;

/**
 * A lock owner's range on a file. {@code file} is the file handle's bytes (the same key for every
 * protocol); {@code owner} is protocol-defined within the client; {@code length == 0} means to the
 * end of the file.
 */
public record LockTarget(byte[] file, ClientRef client, byte[] owner, long offset, long length) {
}
