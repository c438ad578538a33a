package io.dittofs.block.core.wal;

import com.google.protobuf.ByteString;
import io.dittofs.block.core.cas.BlockHash;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/** One logged mutation. Replaying the records of an epoch in order over its checkpoint rebuilds the state. */
public sealed interface WalRecord {

    /** First record of every log generation: ties the log to the checkpoint it extends. */
    record Epoch(long epoch) implements WalRecord {
    }

    record Write(ByteString payload, long offset, ByteBuffer data) implements WalRecord {
    }

    /**
     * A write of whole aligned blocks whose bytes were stored straight as sealed blocks before this
     * record was appended: the log holds only their hashes (an empty element = a block of zeros,
     * stored nowhere). The block files are fsynced before any log force that covers the record, so
     * a replayed record whose block is missing was never forced, i.e. never acknowledged as stable.
     *
     * @param offset    a multiple of blockSize
     * @param blockSize the tier's block size when it was written (replay checks it)
     */
    record FullBlocks(ByteString payload, long offset, int blockSize, List<Optional<BlockHash>> blocks)
            implements WalRecord {
        public FullBlocks {
            blocks = List.copyOf(blocks);
        }
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
