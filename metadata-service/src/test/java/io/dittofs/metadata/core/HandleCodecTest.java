package io.dittofs.metadata.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.dittofs.contracts.FileHandles;
import io.dittofs.contracts.StatusException;
import io.dittofs.contracts.common.v1.FileHandle;
import io.dittofs.contracts.common.v1.Status;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Handles are untrusted input from every client: only genuine ones decode, everything else is BADHANDLE. */
class HandleCodecTest {

    private final HandleCodec codec = new HandleCodec(new byte[32]);

    @Test
    void roundTripAndLayout() {
        FileHandle h = codec.encode(7, 123456789L, -5);
        assertThat(h.getValue().size()).isEqualTo(HandleCodec.LENGTH).isLessThanOrEqualTo(FileHandles.MAX_BYTES);
        assertThat(FileHandles.shareId(h)).isEqualTo(7);
        assertThat(codec.decode(h)).isEqualTo(new HandleCodec.Ref(7, 123456789L, -5));
        // another key does not accept it: handles of another installation are forged here
        HandleCodec other = new HandleCodec(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});
        assertThatThrownBy(() -> other.decode(h)).isInstanceOf(StatusException.class);
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14})
    void randomAndMutatedHandlesAreBadHandles(long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < 20_000; i++) {
            byte[] b;
            if (r.nextBoolean()) {
                b = new byte[r.nextInt(80)];
                r.nextBytes(b);
                if (b.length > 0 && r.nextBoolean()) {
                    b[0] = 1;
                }
            } else {
                b = codec.encode(r.nextInt(), r.nextLong(), r.nextInt()).getValue().toByteArray();
                b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
            }
            FileHandle h = FileHandle.newBuilder().setValue(ByteString.copyFrom(b)).build();
            try {
                codec.decode(h);
                throw new AssertionError("accepted a handle it never issued: " + h.getValue());
            } catch (StatusException e) {
                assertThat(e.status()).isEqualTo(Status.BADHANDLE);
            }
        }
    }

    @Test
    void rememberedHandlesStillRejectAForgedMacAndSurviveEviction() {
        FileHandle h = codec.encode(3, 42L, 9);
        assertThat(codec.decode(h)).isEqualTo(new HandleCodec.Ref(3, 42L, 9));
        for (int bit = 0; bit < 8 * (HandleCodec.LENGTH - 17); bit++) {
            byte[] forged = h.getValue().toByteArray();
            forged[17 + bit / 8] ^= (byte) (1 << (bit % 8));
            FileHandle f = FileHandle.newBuilder().setValue(ByteString.copyFrom(forged)).build();
            assertThatThrownBy(() -> codec.decode(f)).isInstanceOf(StatusException.class);
            // the genuine handle is still accepted after the forged one was refused
            assertThat(codec.decode(h)).isEqualTo(new HandleCodec.Ref(3, 42L, 9));
        }
        // far more handles than the table holds: every one encodes to the same bytes as an
        // uncached codec would produce, and decodes, whether remembered or evicted
        HandleCodec fresh = new HandleCodec(new byte[32]);
        FileHandle[] many = new FileHandle[40_000];
        for (int i = 0; i < many.length; i++) {
            many[i] = codec.encode(i % 5, i * 7919L, i);
        }
        for (int i = many.length - 1; i >= 0; i--) {
            assertThat(codec.decode(many[i])).isEqualTo(new HandleCodec.Ref(i % 5, i * 7919L, i));
            assertThat(codec.encode(i % 5, i * 7919L, i)).isEqualTo(many[i]);
        }
        assertThat(fresh.decode(many[123])).isEqualTo(new HandleCodec.Ref(123 % 5, 123 * 7919L, 123));
        assertThat(fresh.encode(0, 0L, 0)).isEqualTo(many[0]);
    }
}
