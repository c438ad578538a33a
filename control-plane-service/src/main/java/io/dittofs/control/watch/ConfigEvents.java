package io.dittofs.control.watch;

import com.google.protobuf.InvalidProtocolBufferException;
import io.dittofs.contracts.control.v1.ConfigEvent;

final class ConfigEvents {

    private ConfigEvents() {
    }

    static ConfigEvent parse(byte[] payload) {
        try {
            return ConfigEvent.parseFrom(payload);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("corrupt config event in the store", e);
        }
    }
}
