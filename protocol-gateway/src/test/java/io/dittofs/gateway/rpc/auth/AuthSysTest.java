package io.dittofs.gateway.rpc.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.gateway.rpc.Credential;
import io.dittofs.gateway.rpc.XdrWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** AUTH_SYS bodies: round trip, limits, seeded random input. */
class AuthSysTest {

    @Test
    void writtenCredentialDecodesToTheSameCaller() {
        Credential.Sys sys = new Credential.Sys(42, "client.example", 1000, 100, List.of(4, 24, 27));
        ByteBuf b = Unpooled.buffer();
        AuthSys.writeCredential(new XdrWriter(b), sys);
        assertThat(b.readInt()).isEqualTo(Credential.AUTH_SYS);
        int len = b.readInt();
        assertThat(len).isEqualTo(b.readableBytes());
        assertThat(AuthSys.decode(b)).isEqualTo(sys);
    }

    @Test
    void moreThanSixteenGroupsOrAGroupCountBeyondTheBodyIsRefused() {
        ByteBuf b = Unpooled.buffer();
        XdrWriter w = new XdrWriter(b).writeInt(1).writeString("h").writeInt(0).writeInt(0).writeInt(17);
        for (int i = 0; i < 17; i++) {
            w.writeInt(i);
        }
        assertThat(AuthSys.decode(b)).isNull();
        ByteBuf claimsMore = Unpooled.buffer();
        new XdrWriter(claimsMore).writeInt(1).writeString("h").writeInt(0).writeInt(0).writeInt(16).writeInt(1);
        assertThat(AuthSys.decode(claimsMore)).isNull();
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23})
    void randomBodiesNeverThrow(long seed) {
        Random rnd = new Random(seed);
        for (int i = 0; i < 20000; i++) {
            byte[] b = new byte[rnd.nextInt(400)];
            rnd.nextBytes(b);
            if (b.length >= 8 && rnd.nextBoolean()) {
                b[4] = 0;
                b[5] = 0;
                b[6] = 0;
                b[7] = (byte) rnd.nextInt(8);
            }
            Credential.Sys c = AuthSys.decode(Unpooled.wrappedBuffer(b));
            if (c != null) {
                assertThat(c.gids()).hasSizeLessThanOrEqualTo(16);
            }
        }
    }
}
