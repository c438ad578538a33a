package io.dittofs.lock.spi;

import com.google.protobuf.ByteString;
import java.util.Objects;

/** One change in a batch: store {@code value} under (kind, id), or delete it when value is null. */
public record Mutation(Kind kind, ByteString id, byte[] value) {

    public Mutation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    public static Mutation put(Kind kind, ByteString id, byte[] value) {
        return new Mutation(kind, id, Objects.requireNonNull(value, "value"));
    }

    public static Mutation delete(Kind kind, ByteString id) {
        return new Mutation(kind, id, null);
    }

    public boolean isDelete() {
        return value == null;
    }
}
