package io.dittofs.block.health;

import io.dittofs.block.BlockServiceApplication;
import io.dittofs.contracts.block.v1.BlockServiceGrpc;
import io.dittofs.contracts.block.v1.GetVerifierRequest;
import io.dittofs.service.ManagementEndpointsContract;
import io.dittofs.service.StandaloneServer;
import io.grpc.ManagedChannel;
import java.util.List;
import java.util.stream.Stream;

/** The standalone block-service's management port (the shared contract in service-support's test jar). */
class ManagementEndpointsTest extends ManagementEndpointsContract {

    @Override
    protected StandaloneServer start(String... extra) {
        return BlockServiceApplication.start(Stream.concat(Stream.of("--dittofs.data-dir=" + data,
                "--dittofs.block.grpc.listen=127.0.0.1:0", "--dittofs.block.local.kind=memory"), Stream.of(extra))
                .toArray(String[]::new));
    }

    @Override
    protected String serviceName() {
        return "block-service";
    }

    @Override
    protected List<String> healthShows() {
        return List.of("\"blockStores\"", "\"remote\":\"none\"");
    }

    @Override
    protected String storeComponent() {
        return "blockStores";
    }

    @Override
    protected void callOnce(ManagedChannel channel) {
        BlockServiceGrpc.newBlockingStub(channel).getVerifier(GetVerifierRequest.getDefaultInstance());
    }

    @Override
    protected String grpcService() {
        return "BlockService";
    }
}
