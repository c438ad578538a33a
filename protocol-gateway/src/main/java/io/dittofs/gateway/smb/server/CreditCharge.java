package io.dittofs.gateway.smb.server;

import io.dittofs.gateway.smb.wire.Dialect;
import io.dittofs.gateway.smb.wire.Smb2Command;
import io.dittofs.gateway.smb.wire.Smb2Packet;

/**
 * The CreditCharge a request needs (MS-SMB2 3.3.5.2.5): one credit per 64 KiB of the larger of
 * its payload and its expected response, for the commands that carry or return bulk data. Read
 * from fixed body offsets without decoding the body; a body too short to hold the field needs 1.
 */
final class CreditCharge {

    private static final int UNIT = 65536;

    private CreditCharge() {
    }

    static int required(Smb2Packet p, int dialect) {
        if (dialect == Dialect.SMB_2_0_2) {
            return 1;
        }
        byte[] m = p.raw();
        long size = switch (p.header().knownCommand()) {
            case READ, WRITE -> u32(m, 64 + 4);
            case IOCTL -> Math.max(u32(m, 64 + 28), u32(m, 64 + 44));
            case QUERY_DIRECTORY -> u32(m, 64 + 28);
            case CHANGE_NOTIFY, QUERY_INFO -> u32(m, 64 + 4);
            case null, default -> 0;
        };
        return size <= UNIT ? 1 : (int) Math.min(Integer.MAX_VALUE, (size - 1) / UNIT + 1);
    }

    private static long u32(byte[] m, int at) {
        if (at + 4 > m.length) {
            return 0;
        }
        return (m[at] & 0xffL) | (m[at + 1] & 0xffL) << 8 | (m[at + 2] & 0xffL) << 16 | (m[at + 3] & 0xffL) << 24;
    }
}
