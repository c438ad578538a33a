package io.dittofs.gateway.fs.grpc;

import io.dittofs.gateway.fs.model.Stability;

/** The block contract's types to and from the model; every enum mapped value by value. */
final class ContentMapper {

    private ContentMapper() {
    }

    static io.dittofs.contracts.block.v1.Stability stability(Stability s) {
        return switch (s) {
            case UNSTABLE -> io.dittofs.contracts.block.v1.Stability.UNSTABLE;
            case DATA_SYNC -> io.dittofs.contracts.block.v1.Stability.DATA_SYNC;
            case FILE_SYNC -> io.dittofs.contracts.block.v1.Stability.FILE_SYNC;
        };
    }

    static Stability stability(io.dittofs.contracts.block.v1.Stability s) {
        return switch (s) {
            case UNSTABLE, UNRECOGNIZED -> Stability.UNSTABLE;
            case DATA_SYNC -> Stability.DATA_SYNC;
            case FILE_SYNC -> Stability.FILE_SYNC;
        };
    }
}
