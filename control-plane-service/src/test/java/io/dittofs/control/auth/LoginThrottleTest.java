package io.dittofs.control.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock();
    private final LoginThrottle throttle = new LoginThrottle(new LoginThrottle.Policy(3, 10, Duration.ofSeconds(1),
            Duration.ofSeconds(60), Duration.ofHours(1), 100), clock);

    @Test
    void freeAttemptsThenDoublingBlocksUpToTheCap() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.blocked("alice", "10.0.0.1")).isEmpty();
            assertThat(throttle.failed("alice", "10.0.0.1")).isZero();
        }
        Duration previous = Duration.ZERO;
        for (int i = 0; i < 12; i++) {
            assertThat(throttle.blocked("alice", "10.0.0.1")).isEmpty();
            Duration block = throttle.failed("alice", "10.0.0.1");
            assertThat(block).isGreaterThanOrEqualTo(previous).isLessThanOrEqualTo(Duration.ofSeconds(60));
            assertThat(throttle.blocked("ALICE", "10.0.0.2")).as("the user is blocked from any address").contains(block);
            previous = block;
            clock.advance(block);
        }
        assertThat(previous).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void blockedAttemptsDoNotExtendTheBlockAndSuccessClearsTheUser() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("bob", "10.0.0.1");
        }
        assertThat(throttle.blocked("bob", "10.0.0.9")).contains(Duration.ofSeconds(1));
        clock.advance(Duration.ofMillis(400));
        assertThat(throttle.blocked("bob", "10.0.0.9")).contains(Duration.ofMillis(600));
        clock.advance(Duration.ofMillis(600));
        assertThat(throttle.blocked("bob", "10.0.0.9")).isEmpty();
        throttle.succeeded("bob");
        assertThat(throttle.failed("bob", "10.0.0.9")).as("count restarted after the success").isZero();
    }

    @Test
    void oneAddressGuessingManyUsersIsBlockedForEveryUser() {
        for (int i = 0; i < 10; i++) {
            assertThat(throttle.failed("user" + i, "10.6.6.6")).isZero();
        }
        assertThat(throttle.failed("user10", "10.6.6.6")).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.blocked("admin", "10.6.6.6")).isPresent();
        assertThat(throttle.blocked("admin", "10.0.0.1")).as("other addresses are not locked out").isEmpty();
        throttle.succeeded("user3");
        assertThat(throttle.blocked("admin", "10.6.6.6")).as("a success does not clear the address").isPresent();
    }

    @Test
    void countsAreForgottenAfterAQuietHour() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("carol", "10.0.0.1");
        }
        clock.advance(Duration.ofMinutes(61));
        assertThat(throttle.blocked("carol", "10.0.0.1")).isEmpty();
        assertThat(throttle.failed("carol", "10.0.0.1")).isZero();
    }

    @Test
    void memoryIsBoundedWhateverNamesAndAddressesAreSprayed() {
        for (int i = 0; i < 100_000; i++) {
            throttle.failed("u" + i, "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
        }
        assertThat(throttle.tracked()).isLessThanOrEqualTo(200);
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
