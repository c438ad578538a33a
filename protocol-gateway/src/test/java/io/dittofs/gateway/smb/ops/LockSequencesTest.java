package io.dittofs.gateway.smb.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The LockSequenceArray of a resilient open (MS-SMB2 3.3.5.14): buckets 1–64, replay after success only. */
class LockSequencesTest {

    private static int seq(int index, int number) {
        return index << 4 | number;
    }

    @Test
    void aSucceededRequestIsAReplayWhenItsIndexAndNumberComeAgain() {
        LockSequences s = new LockSequences();
        assertThat(s.replay(seq(1, 3))).isFalse();
        s.succeeded(seq(1, 3));
        assertThat(s.replay(seq(1, 3))).as("same bucket, same number").isTrue();
        assertThat(s.replay(seq(2, 3))).as("another bucket").isFalse();
        assertThat(s.replay(seq(1, 4))).as("a new number in the bucket").isFalse();
        assertThat(s.replay(seq(1, 3))).as("the new request invalidated the bucket").isFalse();
    }

    @Test
    void aFailedRequestLeavesItsBucketInvalid() {
        LockSequences s = new LockSequences();
        s.succeeded(seq(64, 0));
        assertThat(s.replay(seq(64, 1))).isFalse();
        // ... and it failed: nothing recorded
        assertThat(s.replay(seq(64, 0))).isFalse();
        assertThat(s.replay(seq(64, 1))).isFalse();
    }

    @Test
    void indexZeroAndIndexesAbove64AreNeverChecked() {
        LockSequences s = new LockSequences();
        s.succeeded(seq(0, 5));
        s.succeeded(seq(65, 5));
        assertThat(s.replay(seq(0, 5))).isFalse();
        assertThat(s.replay(seq(65, 5))).isFalse();
        assertThat(LockSequences.bucket(seq(0, 5))).isEqualTo(-1);
        assertThat(LockSequences.bucket(seq(64, 15))).isEqualTo(63);
        assertThat(LockSequences.bucket(0xFFFFFFFF)).isEqualTo(-1);
    }
}
