package io.dittofs.metadata.health;

import io.dittofs.contracts.metadata.v1.GetRootRequest;
import io.dittofs.contracts.metadata.v1.MetadataServiceGrpc;
import io.dittofs.metadata.MetadataServiceApplication;
import io.dittofs.service.ManagementEndpointsContract;
import io.dittofs.service.StandaloneServer;
import io.grpc.ManagedChannel;
import java.util.List;
import java.util.stream.Stream;

/** The standalone metadata-service's management port (the shared contract in service-support's test jar). */
class ManagementEndpointsTest extends ManagementEndpointsContract {

    @Override
    protected StandaloneServer start(String... extra) {
        return MetadataServiceApplication.start(Stream.concat(Stream.of("--dittofs.data-dir=" + data,
                "--dittofs.metadata.grpc.listen=127.0.0.1:0"), Stream.of(extra)).toArray(String[]::new));
    }

    @Override
    protected String serviceName() {
        return "metadata-service";
    }

    @Override
    protected List<String> healthShows() {
        return List.of("\"metadataStore\"", "rocksdb");
    }

    @Override
    protected String storeComponent() {
        return "metadataStore";
    }

    @Override
    protected void callOnce(ManagedChannel channel) {
        MetadataServiceGrpc.newBlockingStub(channel).getRoot(GetRootRequest.newBuilder().setShare("none").build());
    }

    @Override
    protected String grpcService() {
        return "MetadataService";
    }
}
