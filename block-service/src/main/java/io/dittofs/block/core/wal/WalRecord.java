package io.dittofs.block.core.wal;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;

/** One logged mutation. Replaying the records of an epoch in order over its checkpoint rebuilds the state. */
public sealed interface WalRecord {

    /** First record of every log generation: ties the log to the checkpoint it extends. */
    record Epoch(long epoch) implements WalRecord {
    }

    record Write(ByteString payload, long offset, ByteBuffer data) implements WalRecord {
    }

    record Truncate(ByteString payload, long size) implements WalRecord {
    }

    record Allocate(ByteString payload, long offset, long length) implements WalRecord {
    }

    record Deallocate(ByteString payload, long offset, long length) implements WalRecord {
    }

    record Clone(ByteString source, long sourceOffset, ByteString destination, long destinationOffset, long length)
            implements WalRecord {
    }

    record Delete(ByteString payload) implements WalRecord {
    }
}
