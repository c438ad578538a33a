package io.dittofs.gateway.fs.model;

import java.util.List;

/**
 * The ranges of a file that may hold nonzero data, in offset order, merged; what lies between
 * them reads as zeros and stores nothing.
 *
 * @param truncated more ranges exist than the caller asked for
 */
public record AllocatedResult(FsStatus status, List<Extent> ranges, boolean truncated) {

    public AllocatedResult {
        ranges = List.copyOf(ranges);
    }

    public static AllocatedResult failed(FsStatus status) {
        return new AllocatedResult(status, List.of(), false);
    }
}
