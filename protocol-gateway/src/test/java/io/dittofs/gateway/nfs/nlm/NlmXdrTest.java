package io.dittofs.gateway.nfs.nlm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** NLM codecs: round trips per version width, and random input that only ever fails as XdrException. */
class NlmXdrTest {

    private static final NlmXdr.Lock LOCK = new NlmXdr.Lock("client.example", new byte[] {1, 0, 0, 0, 7, 9},
            new byte[] {'o', 'w'}, 4242, 4096, 0);

    private static XdrReader reader(ByteBuf b) {
        return new XdrReader(b);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 4})
    void lockArgsRoundTripInEveryVersion(int version) throws XdrException {
        ByteBuf b = Unpooled.buffer();
        XdrWriter w = new XdrWriter(b);
        w.writeOpaque(new byte[] {9, 9}).writeBool(true).writeBool(true);
        NlmXdr.writeLock(w, version, LOCK);
        w.writeBool(false).writeInt(3);
        NlmXdr.LockArgs a = NlmXdr.lockArgs(reader(b), version);
        assertThat(a.block()).isTrue();
        assertThat(a.exclusive()).isTrue();
        assertThat(a.reclaim()).isFalse();
        assertThat(a.state()).isEqualTo(3);
        assertThat(a.lock().callerName()).isEqualTo("client.example");
        assertThat(a.lock().fh()).containsExactly(1, 0, 0, 0, 7, 9);
        assertThat(a.lock().svid()).isEqualTo(4242);
        assertThat(a.lock().offset()).isEqualTo(4096);
        assertThat(b.readableBytes()).isZero();
    }

    @Test
    void version4CarriesSixtyFourBitRangesAndVersion1ThirtyTwo() throws XdrException {
        NlmXdr.Lock big = new NlmXdr.Lock("h", new byte[0], new byte[0], 1, 1L << 40, 0xffffffffL + 5);
        ByteBuf v4 = Unpooled.buffer();
        NlmXdr.writeLock(new XdrWriter(v4), 4, big);
        assertThat(NlmXdr.lock(reader(v4), 4).offset()).isEqualTo(1L << 40);
        ByteBuf v1 = Unpooled.buffer();
        NlmXdr.writeLock(new XdrWriter(v1), 1, big);
        NlmXdr.Lock back = NlmXdr.lock(reader(v1), 1);
        assertThat(back.offset()).isEqualTo(0xffffffffL);
        assertThat(back.length()).isEqualTo(0xffffffffL);
        assertThat(v4.capacity()).isGreaterThan(0);
    }

    @Test
    void testResCarriesTheHolderOnlyWhenDenied() throws XdrException {
        ByteBuf b = Unpooled.buffer();
        NlmXdr.Holder h = new NlmXdr.Holder(true, 7, new byte[] {1}, 10, 20);
        NlmXdr.writeTestRes(new XdrWriter(b), 4, new NlmXdr.TestRes(new byte[] {5}, NlmStatus.DENIED, h));
        NlmXdr.TestRes r = NlmXdr.testRes(reader(b), 4);
        assertThat(r.holder().svid()).isEqualTo(7);
        assertThat(r.holder().length()).isEqualTo(20);
        ByteBuf g = Unpooled.buffer();
        NlmXdr.writeTestRes(new XdrWriter(g), 4, new NlmXdr.TestRes(new byte[] {5}, NlmStatus.GRANTED, null));
        assertThat(NlmXdr.testRes(reader(g), 4).holder()).isNull();
        assertThat(g.readableBytes()).isZero();
    }

    @Test
    void lengthFieldsLargerThanTheRecordAreRefusedBeforeAllocating() {
        ByteBuf b = Unpooled.buffer();
        new XdrWriter(b).writeInt(Integer.MAX_VALUE);
        assertThatThrownBy(() -> NlmXdr.cookie(reader(b))).isInstanceOf(XdrException.class);
        ByteBuf c = Unpooled.buffer();
        new XdrWriter(c).writeInt(900).writeInt(1);
        assertThatThrownBy(() -> NlmXdr.cookie(reader(c))).isInstanceOf(XdrException.class);
    }

    @Test
    void shareArgsRefuseOutOfRangeModes() {
        ByteBuf b = Unpooled.buffer();
        XdrWriter w = new XdrWriter(b);
        w.writeOpaque(new byte[0]).writeString("h").writeOpaque(new byte[4]).writeOpaque(new byte[1]).writeInt(4)
                .writeInt(1).writeBool(false);
        assertThatThrownBy(() -> NlmXdr.shareArgs(reader(b))).isInstanceOf(XdrException.class);
    }

    interface Decoder {
        Object decode(XdrReader in) throws XdrException;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 4})
    void randomInputOnlyEverFailsWithXdrException(int version) {
        Decoder[] decoders = {in -> NlmXdr.testArgs(in, version), in -> NlmXdr.lockArgs(in, version),
            in -> NlmXdr.cancelArgs(in, version), in -> NlmXdr.unlockArgs(in, version), NlmXdr::shareArgs,
            NlmXdr::notify, NlmXdr::res, in -> NlmXdr.testRes(in, version)};
        Random rnd = new Random(77 + version);
        int decoded = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = plausible(rnd);
            if (rnd.nextBoolean() && bytes.length > 0) {
                bytes[rnd.nextInt(bytes.length)] ^= (byte) (1 << rnd.nextInt(8));
            }
            Decoder d = decoders[i % decoders.length];
            try {
                d.decode(reader(Unpooled.wrappedBuffer(bytes)));
                decoded++;
            } catch (XdrException expected) {
                // the only allowed failure
            }
        }
        // the generator is plausible enough that a good share decodes: the test exercises the happy path too
        assertThat(decoded).isGreaterThan(100);
    }

    private static byte[] plausible(Random rnd) {
        ByteBuf b = Unpooled.buffer();
        XdrWriter w = new XdrWriter(b);
        int n = rnd.nextInt(14);
        for (int i = 0; i < n; i++) {
            switch (rnd.nextInt(6)) {
                case 0 -> w.writeOpaque(new byte[rnd.nextInt(40)]);
                case 1 -> w.writeString("host" + rnd.nextInt(9));
                case 2 -> w.writeLong(rnd.nextLong());
                case 3 -> w.writeInt(rnd.nextInt());
                default -> w.writeInt(rnd.nextInt(2));
            }
        }
        byte[] out = new byte[b.readableBytes()];
        b.readBytes(out);
        return out;
    }
}
