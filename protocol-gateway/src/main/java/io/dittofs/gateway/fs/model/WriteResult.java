package io.dittofs.gateway.fs.model;

/**
 * @param committed how durable the data is now
 * @param verifier  8 bytes; changes when the content store restarts (clients resend UNSTABLE data)
 */
public record WriteResult(FsStatus status, Wcc wcc, long count, Stability committed, byte[] verifier) {
}
