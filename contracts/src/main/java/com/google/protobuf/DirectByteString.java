package com.google.protobuf;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectStreamException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.List;

/**
 * A {@link ByteString} over a direct (native or mapped) {@link ByteBuffer}, without copying it.
 *
 * <p>Why this lives in protobuf's package: since protobuf-java 4.x, {@code UnsafeByteOperations.unsafeWrap}
 * copies a buffer that has no array into a fresh heap array (and the JVM zeroes that array first).
 * DittoFS hands block payloads between the gateway and the block-service as protobuf messages; in
 * one process those messages are passed by reference, so that copy was the only copy of a 1 MiB
 * READ's bytes before the socket (a mapped block) and of a WRITE's bytes before the log (the
 * record's direct buffer): a quarter of the server's CPU on nfs-cp reads. {@code ByteString}'s
 * constructor is package-private, so a subclass has to sit in this package; it uses only the
 * abstract methods {@code ByteString} declares. Written for DittoFS (no protobuf code copied).
 *
 * <p>Contract, as for {@code unsafeWrap}: the caller must not change the bytes while any message
 * holds this string. It is a leaf: do not {@link ByteString#concat} it (protobuf's ropes expect
 * their own leaf classes); DittoFS never concatenates payloads.
 */
public final class DirectByteString extends ByteString {

    private static final long serialVersionUID = 1L;
    private static final int CHUNK = 8192;

    private final transient ByteBuffer buffer; // position 0, limit = size; never moved

    private DirectByteString(ByteBuffer buffer) {
        this.buffer = buffer;
    }

    /** Wraps {@code data}'s remaining bytes without copying (an array-backed buffer goes through {@code unsafeWrap}). */
    public static ByteString wrap(ByteBuffer data) {
        if (data.hasArray()) {
            return UnsafeByteOperations.unsafeWrap(data);
        }
        if (!data.hasRemaining()) {
            return ByteString.EMPTY;
        }
        return new DirectByteString(data.slice());
    }

    @Override
    public byte byteAt(int index) {
        checkIndex(index, size());
        return buffer.get(index);
    }

    @Override
    byte internalByteAt(int index) {
        return buffer.get(index);
    }

    @Override
    public int size() {
        return buffer.limit();
    }

    @Override
    public ByteString substring(int beginIndex, int endIndex) {
        return substringNoCopy(beginIndex, endIndex);
    }

    @Override
    public ByteString substringNoCopy(int beginIndex, int endIndex) {
        int length = checkRange(beginIndex, endIndex, size());
        if (length == size()) {
            return this;
        }
        return length == 0 ? ByteString.EMPTY : new DirectByteString(buffer.slice(beginIndex, length));
    }

    @Override
    protected void copyToInternal(byte[] target, int sourceOffset, int targetOffset, int numberToCopy) {
        buffer.get(sourceOffset, target, targetOffset, numberToCopy);
    }

    @Override
    public void copyTo(ByteBuffer target) {
        target.put(buffer.duplicate());
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        writeToInternal(out, 0, size());
    }

    @Override
    void writeToInternal(OutputStream out, int sourceOffset, int numberToWrite) throws IOException {
        byte[] chunk = new byte[Math.min(CHUNK, numberToWrite)];
        int done = 0;
        while (done < numberToWrite) {
            int n = Math.min(chunk.length, numberToWrite - done);
            buffer.get(sourceOffset + done, chunk, 0, n);
            out.write(chunk, 0, n);
            done += n;
        }
    }

    @Override
    void writeTo(ByteOutput output) throws IOException {
        output.writeLazy(buffer.duplicate());
    }

    @Override
    void writeToReverse(ByteOutput output) throws IOException {
        output.writeLazy(buffer.duplicate());
    }

    @Override
    public ByteBuffer asReadOnlyByteBuffer() {
        return buffer.asReadOnlyBuffer();
    }

    @Override
    public List<ByteBuffer> asReadOnlyByteBufferList() {
        return List.of(asReadOnlyByteBuffer());
    }

    @Override
    protected String toStringInternal(Charset charset) {
        return new String(toByteArray(), charset);
    }

    @Override
    public boolean isValidUtf8() {
        return Utf8.isValidUtf8(buffer.duplicate());
    }

    @Override
    protected boolean equalsInternal(ByteString other) {
        // sizes are equal here (ByteString.equals checks them first); compare the bytes themselves
        return buffer.duplicate().equals(other.asReadOnlyByteBuffer());
    }

    @Override
    public InputStream newInput() {
        ByteBuffer in = buffer.duplicate();
        return new InputStream() {
            @Override
            public int read() {
                return in.hasRemaining() ? in.get() & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (len == 0) {
                    return 0;
                }
                if (!in.hasRemaining()) {
                    return -1;
                }
                int n = Math.min(len, in.remaining());
                in.get(b, off, n);
                return n;
            }

            @Override
            public int available() {
                return in.remaining();
            }
        };
    }

    @Override
    public CodedInputStream newCodedInput() {
        return CodedInputStream.newInstance(buffer.duplicate(), true);
    }

    @Override
    protected int getTreeDepth() {
        return 0;
    }

    @Override
    protected boolean isBalanced() {
        return true;
    }

    @Override
    protected int partialHash(int h, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            h = h * 31 + buffer.get(i);
        }
        return h;
    }

    /** Serialized as an ordinary byte string: a buffer's memory does not travel. */
    private Object writeReplace() throws ObjectStreamException {
        return ByteString.copyFrom(toByteArray());
    }
}
