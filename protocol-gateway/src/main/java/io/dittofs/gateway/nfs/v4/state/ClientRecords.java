package io.dittofs.gateway.nfs.v4.state;

import io.dittofs.gateway.locks.ClientRecord;
import io.dittofs.gateway.locks.ClientRef;
import io.dittofs.gateway.locks.LockManager;
import io.dittofs.gateway.locks.LockProtocol;
import io.dittofs.gateway.locks.LockServiceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A confirmed NFSv4 client record as the lock-service keeps it: its registration key is
 * {@code nfs4:<owner>:<verifier>:<principal>:<clientid>} (hex fields), so a gateway that restarted
 * finds the client again — by its client id (a 4.0 client's RENEW or OPEN, a 4.1 client's
 * CREATE_SESSION) or by owner (SETCLIENTID / EXCHANGE_ID) — and keeps answering the same id.
 */
final class ClientRecords {

    private static final Logger log = LoggerFactory.getLogger(ClientRecords.class);
    private static final HexFormat HEX = HexFormat.of();
    static final String PREFIX = "nfs4:";

    /** What a key holds. */
    record Found(long clientId, byte[] owner, byte[] verifier, String principal, ClientRef lockClient) {
    }

    private ClientRecords() {
    }

    static byte[] key(byte[] owner, byte[] verifier, String principal, long clientId) {
        return (PREFIX + HEX.formatHex(owner) + ":" + HEX.formatHex(verifier) + ":"
                + HEX.formatHex(principal.getBytes(StandardCharsets.UTF_8)) + ":" + HEX.toHexDigits(clientId))
                .getBytes(StandardCharsets.UTF_8);
    }

    static Optional<Found> byClientId(LockManager locks, long clientId) {
        return list(locks, PREFIX).stream().map(ClientRecords::parse).flatMap(Optional::stream)
                .filter(f -> f.clientId() == clientId).findFirst();
    }

    static Optional<Found> byLockClient(LockManager locks, ClientRef ref) {
        return list(locks, PREFIX).stream().filter(r -> r.client().equals(ref)).map(ClientRecords::parse)
                .flatMap(Optional::stream).findFirst();
    }

    /** The records of an owner (at most one confirmed per owner and principal). */
    static List<Found> byOwner(LockManager locks, byte[] owner) {
        return list(locks, PREFIX + HEX.formatHex(owner) + ":").stream().map(ClientRecords::parse)
                .flatMap(Optional::stream).toList();
    }

    private static List<ClientRecord> list(LockManager locks, String prefix) {
        try {
            return locks.listClients(LockProtocol.NFS4, prefix.getBytes(StandardCharsets.UTF_8));
        } catch (LockServiceException e) {
            // unreachable lock-service: the client is treated as unknown now and found once it answers
            log.warn("cannot look up NFSv4 client records: {}", e.getMessage());
            return List.of();
        }
    }

    static Optional<Found> parse(ClientRecord r) {
        String k = new String(r.key(), StandardCharsets.UTF_8);
        if (!k.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] f = k.substring(PREFIX.length()).split(":", -1);
        if (f.length != 4) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Found(HEX.fromHexDigitsToLong(f[3]), HEX.parseHex(f[0]), HEX.parseHex(f[1]),
                    new String(HEX.parseHex(f[2]), StandardCharsets.UTF_8), r.client()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
