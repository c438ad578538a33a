package io.dittofs.lock.storetest;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.dittofs.lock.core.ClientEntry;
import io.dittofs.lock.core.GrantEntry;
import io.dittofs.lock.core.HeldLock;
import io.dittofs.lock.core.OpenEntry;
import io.dittofs.lock.core.Owner;
import io.dittofs.lock.core.Protocol;
import io.dittofs.lock.core.Range;
import io.dittofs.lock.spi.RecordCodec;
import io.dittofs.lock.spi.StoreException;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Records round-trip; truncated, flipped and random bytes decode or fail with StoreException only (seeded). */
class RecordCodecFuzzTest {

    static final ByteString ID = ByteString.copyFromUtf8("id");
    static final Owner OWNER = new Owner(ByteString.copyFromUtf8("client"), ByteString.copyFromUtf8("owner"));

    @Test
    void roundTrips() {
        HeldLock l = new HeldLock(ID, ByteString.copyFromUtf8("f"), OWNER, Protocol.SMB, new Range(5, Range.MAX), true,
                ByteString.copyFromUtf8("open"), true);
        assertThat(RecordCodec.lock(ID, RecordCodec.lock(l))).isEqualTo(l);
        OpenEntry o = new OpenEntry(ID, ByteString.copyFromUtf8("f"), OWNER, 3, 4, ByteString.copyFromUtf8("g"), true);
        assertThat(RecordCodec.open(ID, RecordCodec.open(o))).isEqualTo(o);
        GrantEntry g = new GrantEntry(ID, ByteString.copyFromUtf8("f"), OWNER.client(), Protocol.NFS4,
                ByteString.copyFromUtf8("h"), ByteString.EMPTY, 3, true, -1, 0, true);
        assertThat(RecordCodec.grant(ID, RecordCodec.grant(g))).isEqualTo(g);
        ClientEntry c = new ClientEntry(ID, Protocol.NLM, ByteString.copyFromUtf8("host"), 0, "gw-1", 0, false, false);
        assertThat(RecordCodec.client(ID, RecordCodec.client(c))).isEqualTo(c);
    }

    @Test
    void malformedBytesNeverEscapeAsUncheckedErrors() {
        List<byte[]> valid = List.of(
                RecordCodec.lock(new HeldLock(ID, ID, OWNER, Protocol.NLM, Range.of(0, 10), false, ByteString.EMPTY, false)),
                RecordCodec.open(new OpenEntry(ID, ID, OWNER, 1, 0, ByteString.EMPTY, false)),
                RecordCodec.grant(new GrantEntry(ID, ID, ID, Protocol.SMB, ID, ID, 7, false, -1, 0, false)),
                RecordCodec.client(new ClientEntry(ID, Protocol.SMB, ID, 30, "gw", 0, false, false)));
        List<Function<byte[], Object>> decoders = List.of(v -> RecordCodec.lock(ID, v), v -> RecordCodec.open(ID, v),
                v -> RecordCodec.grant(ID, v), v -> RecordCodec.client(ID, v));
        Random rnd = new Random(20261129);
        int rejected = 0;
        for (int i = 0; i < 200_000; i++) {
            byte[] b;
            if (rnd.nextInt(4) == 0) {
                b = new byte[rnd.nextInt(64)];
                rnd.nextBytes(b);
            } else {
                byte[] src = valid.get(rnd.nextInt(valid.size()));
                b = java.util.Arrays.copyOf(src, rnd.nextInt(src.length + 8));
                for (int flips = rnd.nextInt(4); flips > 0 && b.length > 0; flips--) {
                    b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
                }
            }
            try {
                decoders.get(rnd.nextInt(decoders.size())).apply(b);
            } catch (StoreException expected) {
                rejected++;
            }
        }
        assertThat(rejected).isGreaterThan(100_000);
    }
}
