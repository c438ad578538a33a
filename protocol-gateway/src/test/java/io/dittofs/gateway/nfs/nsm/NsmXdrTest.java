package io.dittofs.gateway.nfs.nsm;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NsmXdrTest {

    @Test
    void monRoundTrips() throws XdrException {
        NsmXdr.Mon m = new NsmXdr.Mon(new NsmXdr.MonId("client1", new NsmXdr.MyId("server", 100021, 4, 16)),
                new byte[16]);
        ByteBuf b = Unpooled.buffer();
        NsmXdr.writeMon(new XdrWriter(b), m);
        NsmXdr.Mon back = NsmXdr.mon(new XdrReader(b));
        assertThat(back.monId().monName()).isEqualTo("client1");
        assertThat(back.monId().myId().program()).isEqualTo(100021);
        assertThat(b.readableBytes()).isZero();
    }

    @Test
    void randomInputOnlyEverFailsWithXdrException() {
        Random rnd = new Random(5);
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = new byte[rnd.nextInt(64)];
            rnd.nextBytes(bytes);
            if (bytes.length >= 4 && rnd.nextBoolean()) {
                bytes[0] = bytes[1] = 0; // small lengths reach deeper fields
            }
            for (int d = 0; d < 4; d++) {
                try {
                    XdrReader in = new XdrReader(Unpooled.wrappedBuffer(bytes));
                    switch (d) {
                        case 0 -> NsmXdr.mon(in);
                        case 1 -> NsmXdr.monId(in);
                        case 2 -> NsmXdr.myId(in);
                        default -> NsmXdr.statChange(in);
                    }
                } catch (XdrException expected) {
                    // the only allowed failure
                }
            }
        }
    }
}
