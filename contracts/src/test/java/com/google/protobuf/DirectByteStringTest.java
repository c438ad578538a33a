package com.google.protobuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dittofs.contracts.block.v1.ReadResponse;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DirectByteStringTest {

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    private static ByteBuffer direct(byte[] b, int lead) {
        ByteBuffer d = ByteBuffer.allocateDirect(b.length + lead + 3);
        d.position(lead).put(b).flip().position(lead);
        return d;
    }

    @Test
    void wrapsWithoutCopyingAndBehavesLikeACopy() {
        byte[] b = bytes(70_000);
        ByteBuffer d = direct(b, 7);
        ByteString s = DirectByteString.wrap(d);
        ByteString copy = ByteString.copyFrom(b);
        assertThat(s).isInstanceOf(DirectByteString.class);
        assertThat(d.position()).isEqualTo(7);
        assertThat(s.size()).isEqualTo(b.length);
        assertThat(s.toByteArray()).isEqualTo(b);
        assertThat(s).isEqualTo(copy);
        assertThat(copy).isEqualTo(s);
        assertThat(s.hashCode()).isEqualTo(copy.hashCode());
        assertThat(s.byteAt(123)).isEqualTo(b[123]);
        assertThat(s.substring(10, 20).toByteArray()).isEqualTo(copy.substring(10, 20).toByteArray());
        assertThat(s.substring(0, s.size())).isSameAs(s);
        assertThat(s.asReadOnlyByteBuffer().isDirect()).as("the same memory, not a heap copy").isTrue();

        d.put(7, (byte) (b[0] + 1)); // lent, not copied: the string sees the change
        assertThat(s.byteAt(0)).isEqualTo((byte) (b[0] + 1));
        assertThat(s).isNotEqualTo(copy);
    }

    @Test
    void arraysAndEmptyBuffersTakeProtobufsOwnPath() {
        assertThat(DirectByteString.wrap(ByteBuffer.wrap(bytes(10)))).isNotInstanceOf(DirectByteString.class);
        assertThat(DirectByteString.wrap(ByteBuffer.allocateDirect(0))).isSameAs(ByteString.EMPTY);
    }

    @Test
    void outOfRangeAccessFailsLikeAnyByteString() {
        ByteString s = DirectByteString.wrap(direct(bytes(16), 0));
        assertThatThrownBy(() -> s.byteAt(16)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> s.substring(4, 17)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void serializesInAMessageAndParsesBackEqual() throws Exception {
        byte[] b = bytes(1 << 20);
        ReadResponse m = ReadResponse.newBuilder().setOffset(42).setData(DirectByteString.wrap(direct(b, 1))).build();
        byte[] wire = m.toByteArray();
        ReadResponse back = ReadResponse.parseFrom(wire);
        assertThat(back.getData().toByteArray()).isEqualTo(b);
        assertThat(back).isEqualTo(m);
        assertThat(m.getSerializedSize()).isEqualTo(wire.length);

        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        m.writeTo(stream);
        assertThat(stream.toByteArray()).isEqualTo(wire);
    }

    @Test
    void streamsAndTextReadTheSameBytes() throws Exception {
        byte[] b = "héllo, wörld".getBytes(StandardCharsets.UTF_8);
        ByteString s = DirectByteString.wrap(direct(b, 3));
        assertThat(s.isValidUtf8()).isTrue();
        assertThat(s.toStringUtf8()).isEqualTo("héllo, wörld");
        assertThat(s.newInput().readAllBytes()).isEqualTo(b);
        assertThat(s.newCodedInput().readRawBytes(b.length)).isEqualTo(b);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        s.writeTo(out);
        assertThat(out.toByteArray()).isEqualTo(b);
        assertThat(DirectByteString.wrap(direct(new byte[] {(byte) 0xff, 0x41}, 0)).isValidUtf8()).isFalse();
    }

    @Test
    void javaSerializationCarriesTheBytesNotTheBuffer() throws Exception {
        byte[] b = bytes(100);
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bos)) {
            out.writeObject(DirectByteString.wrap(direct(b, 0)));
        }
        try (ObjectInputStream in = new ObjectInputStream(new java.io.ByteArrayInputStream(bos.toByteArray()))) {
            assertThat(((ByteString) in.readObject()).toByteArray()).isEqualTo(b);
        }
    }
}
