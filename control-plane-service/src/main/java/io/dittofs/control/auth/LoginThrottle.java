package io.dittofs.control.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Exponential back-off after failed logins, counted per user name and per source address. The
 * first {@code freeAttempts} failures of a key cost nothing; each further one blocks the key for
 * {@code baseDelay × 2^(n-1)}, capped at {@code maxDelay}. A blocked attempt is refused before the
 * password is checked (no bcrypt work for an attacker, and no oracle) and does not extend the
 * block. A success clears the user's count, not the address's: one valid account must not reset
 * an address that is guessing other users' passwords. Both maps are bounded: the least recently
 * touched entries go first, and entries idle for {@code forgetAfter} count as clean.
 */
public final class LoginThrottle {

    /** Tunables; see dittofs.control.login-throttle.* in ControlPlaneProperties. */
    public record Policy(int freeAttemptsPerUser, int freeAttemptsPerAddress, Duration baseDelay, Duration maxDelay,
                         Duration forgetAfter, int maxTracked) {
    }

    private final Policy policy;
    private final Clock clock;
    private final Keys users;
    private final Keys addresses;

    public LoginThrottle(Policy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
        this.users = new Keys(policy.maxTracked());
        this.addresses = new Keys(policy.maxTracked());
    }

    /** How long this attempt must wait, or empty when it may go ahead. */
    public synchronized Optional<Duration> blocked(String user, String address) {
        Instant now = clock.instant();
        Duration wait = max(users.remaining(userKey(user), now), addresses.remaining(address, now));
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    /** Records a wrong password; returns the block it starts (zero while attempts are still free). */
    public synchronized Duration failed(String user, String address) {
        Instant now = clock.instant();
        Duration u = users.fail(userKey(user), now, policy.freeAttemptsPerUser());
        Duration a = addresses.fail(address, now, policy.freeAttemptsPerAddress());
        return max(u, a);
    }

    public synchronized void succeeded(String user) {
        users.map.remove(userKey(user));
    }

    synchronized int tracked() {
        return users.map.size() + addresses.map.size();
    }

    private static String userKey(String user) {
        return user == null ? "" : user.toLowerCase(Locale.ROOT);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static final class Attempts {
        int failures;
        Instant lastFailure;
        Instant blockedUntil;
    }

    private final class Keys {
        final LinkedHashMap<String, Attempts> map;

        Keys(int capacity) {
            // access order: the eldest is the least recently touched key
            this.map = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Attempts> eldest) {
                    return size() > capacity;
                }
            };
        }

        Duration remaining(String key, Instant now) {
            Attempts e = map.get(key);
            if (e == null || e.blockedUntil == null || !e.blockedUntil.isAfter(now)) {
                return Duration.ZERO;
            }
            return Duration.between(now, e.blockedUntil);
        }

        Duration fail(String key, Instant now, int free) {
            Attempts e = map.get(key);
            if (e == null || e.lastFailure.plus(policy.forgetAfter()).isBefore(now)) {
                e = new Attempts();
                map.put(key, e);
            }
            e.failures++;
            e.lastFailure = now;
            int over = e.failures - free;
            if (over <= 0) {
                return Duration.ZERO;
            }
            Duration delay = delay(over);
            e.blockedUntil = now.plus(delay);
            return delay;
        }

        private Duration delay(int over) {
            // 2^(over-1) without overflow: past 40 doublings every sane base exceeds the cap anyway
            int shift = Math.min(over - 1, 40);
            long millis = policy.baseDelay().toMillis();
            long scaled = millis > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : millis << shift;
            return scaled >= policy.maxDelay().toMillis() ? policy.maxDelay() : Duration.ofMillis(scaled);
        }
    }
}
