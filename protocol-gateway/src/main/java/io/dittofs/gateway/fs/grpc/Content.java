package io.dittofs.gateway.fs.grpc;

import static io.dittofs.gateway.fs.grpc.CommonMapper.content;
import static io.dittofs.gateway.fs.grpc.CommonMapper.status;

import com.google.protobuf.ByteString;
import io.dittofs.contracts.block.v1.BlockServiceGrpc;
import io.dittofs.contracts.block.v1.CommitRequest;
import io.dittofs.contracts.block.v1.DeleteRequest;
import io.dittofs.contracts.block.v1.GetVerifierRequest;
import io.dittofs.contracts.block.v1.ReadRequest;
import io.dittofs.contracts.block.v1.TruncateRequest;
import io.dittofs.contracts.block.v1.WriteRequest;
import io.dittofs.gateway.fs.model.ContentId;
import io.dittofs.gateway.fs.model.FsStatus;
import io.dittofs.gateway.fs.model.Stability;
import io.grpc.Channel;
import java.nio.ByteBuffer;

/** The content part of the facade: one block-service call per method, results in model terms. */
final class Content {

    record Read(FsStatus status, ByteString data) {
    }

    record Written(FsStatus status, long count, Stability committed, byte[] verifier) {
    }

    record Committed(FsStatus status, byte[] verifier) {
    }

    private final BlockServiceGrpc.BlockServiceBlockingStub blocks;

    Content(Channel channel) {
        this.blocks = BlockServiceGrpc.newBlockingStub(channel);
    }

    Read read(ContentId id, long offset, int count) {
        var r = Rpc.call("Read", () -> blocks.read(ReadRequest.newBuilder().setPayloadId(content(id)).setOffset(offset)
                .setCount(count).build()));
        return new Read(status(r.getStatus()), r.getData());
    }

    Written write(ContentId id, long offset, ByteBuffer data, Stability stability) {
        var r = Rpc.call("Write", () -> blocks.write(WriteRequest.newBuilder().setPayloadId(content(id)).setOffset(offset)
                .setData(ByteString.copyFrom(data.duplicate())).setStability(ContentMapper.stability(stability)).build()));
        return new Written(status(r.getStatus()), r.getCount(), ContentMapper.stability(r.getCommitted()),
                r.getVerifier().toByteArray());
    }

    Committed commit(ContentId id, long offset, long count) {
        var r = Rpc.call("Commit", () -> blocks.commit(CommitRequest.newBuilder().setPayloadId(content(id))
                .setOffset(offset).setCount(count).build()));
        return new Committed(status(r.getStatus()), r.getVerifier().toByteArray());
    }

    FsStatus truncate(ContentId id, long size) {
        var r = Rpc.call("Truncate", () -> blocks.truncate(TruncateRequest.newBuilder().setPayloadId(content(id))
                .setSize(size).build()));
        return status(r.getStatus());
    }

    FsStatus delete(ContentId id) {
        var r = Rpc.call("Delete", () -> blocks.delete(DeleteRequest.newBuilder().setPayloadId(content(id)).build()));
        return status(r.getStatus());
    }

    byte[] verifier() {
        return Rpc.call("GetVerifier", () -> blocks.getVerifier(GetVerifierRequest.getDefaultInstance())).getVerifier()
                .toByteArray();
    }
}
