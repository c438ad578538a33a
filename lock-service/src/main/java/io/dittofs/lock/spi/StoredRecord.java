package io.dittofs.lock.spi;

import com.google.protobuf.ByteString;

/** A record as loaded back from a store. */
public record StoredRecord(Kind kind, ByteString id, byte[] value) {
}
