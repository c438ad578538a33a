package io.dittofs.lock.core;

import java.util.ArrayList;
import java.util.List;

/**
 * A byte range as unsigned 64-bit offsets, {@code start..last} inclusive. "To the end of the file"
 * (length 0 on the wire, or any range whose end overflows 2^64) is {@code last == -1}, i.e.
 * 2^64-1 unsigned, so every range is non-empty and comparisons never overflow.
 */
public record Range(long start, long last) {

    public static final long MAX = -1L;

    public Range {
        if (Long.compareUnsigned(start, last) > 0) {
            throw new IllegalArgumentException("range start " + Long.toUnsignedString(start)
                    + " after last " + Long.toUnsignedString(last));
        }
    }

    /** From the wire form: offset plus length, length 0 = to the end of the file. */
    public static Range of(long offset, long length) {
        if (length == 0) {
            return new Range(offset, MAX);
        }
        long last = offset + length - 1;
        // unsigned overflow past 2^64-1 means "to the end" as well (NFSv4 uses length = 2^64-1)
        return new Range(offset, Long.compareUnsigned(last, offset) < 0 ? MAX : last);
    }

    /** Length in wire form (0 = to the end of the file). */
    public long length() {
        return last == MAX ? 0 : last - start + 1;
    }

    public boolean overlaps(Range o) {
        return Long.compareUnsigned(start, o.last) <= 0 && Long.compareUnsigned(o.start, last) <= 0;
    }

    /** Overlapping or touching end to start: POSIX merges such ranges of one owner and type. */
    public boolean touches(Range o) {
        return overlaps(o) || (last != MAX && last + 1 == o.start) || (o.last != MAX && o.last + 1 == start);
    }

    public Range span(Range o) {
        long s = Long.compareUnsigned(start, o.start) <= 0 ? start : o.start;
        long l = Long.compareUnsigned(last, o.last) >= 0 ? last : o.last;
        return new Range(s, l);
    }

    /** The parts of this range outside {@code cut}: zero, one or two ranges. */
    public List<Range> minus(Range cut) {
        List<Range> out = new ArrayList<>(2);
        if (!overlaps(cut)) {
            out.add(this);
            return out;
        }
        if (Long.compareUnsigned(start, cut.start) < 0) {
            out.add(new Range(start, cut.start - 1));
        }
        if (cut.last != MAX && Long.compareUnsigned(last, cut.last) > 0) {
            out.add(new Range(cut.last + 1, last));
        }
        return out;
    }

    @Override
    public String toString() {
        return "[" + Long.toUnsignedString(start) + ".." + (last == MAX ? "EOF" : Long.toUnsignedString(last)) + "]";
    }
}
