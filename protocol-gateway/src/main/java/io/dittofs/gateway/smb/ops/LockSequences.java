package io.dittofs.gateway.smb.ops;

/**
 * An open's LockSequenceArray (MS-SMB2 3.3.1.10, 3.3.5.14): for resilient (and durable) opens a
 * LOCK carries LockSequenceIndex (upper 28 bits, buckets 1–64) and LockSequenceNumber (low 4
 * bits). A request whose bucket holds its number again is a replay of one that already succeeded
 * and is answered SUCCESS without locking twice; any other request in a bucket first invalidates
 * it and, when it succeeds, records its number. Index 0 and indexes above 64 are not checked.
 * Guarded by this object's monitor (a blocking lock completes on another thread).
 */
final class LockSequences {

    static final int BUCKETS = 64;
    private static final byte INVALID = (byte) 0xFF;

    private final byte[] numbers = new byte[BUCKETS];

    LockSequences() {
        java.util.Arrays.fill(numbers, INVALID);
    }

    /** The bucket of a LockSequence field (0-based), or -1 when the request is not checked. */
    static int bucket(int lockSequence) {
        int index = lockSequence >>> 4;
        return index >= 1 && index <= BUCKETS ? index - 1 : -1;
    }

    /**
     * Is this request a replay of one that succeeded? If not, its bucket is invalidated until
     * {@link #succeeded} records it (a request that fails leaves the bucket invalid).
     */
    synchronized boolean replay(int lockSequence) {
        int b = bucket(lockSequence);
        if (b < 0) {
            return false;
        }
        if (numbers[b] == (byte) (lockSequence & 0xF)) {
            return true;
        }
        numbers[b] = INVALID;
        return false;
    }

    /** The request succeeded: a later one with the same index and number is its replay. */
    synchronized void succeeded(int lockSequence) {
        int b = bucket(lockSequence);
        if (b >= 0) {
            numbers[b] = (byte) (lockSequence & 0xF);
        }
    }
}
