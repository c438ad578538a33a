package io.dittofs.lock.health;

import io.dittofs.contracts.lock.v1.GetGraceRequest;
import io.dittofs.contracts.lock.v1.LockServiceGrpc;
import io.dittofs.lock.LockServiceApplication;
import io.dittofs.service.ManagementEndpointsContract;
import io.dittofs.service.StandaloneServer;
import io.grpc.ManagedChannel;
import java.util.List;
import java.util.stream.Stream;

/** The standalone lock-service's management port (the shared contract in service-support's test jar). */
class ManagementEndpointsTest extends ManagementEndpointsContract {

    @Override
    protected StandaloneServer start(String... extra) {
        return LockServiceApplication.start(Stream.concat(Stream.of("--dittofs.data-dir=" + data,
                "--dittofs.lock.grpc.listen=127.0.0.1:0"), Stream.of(extra)).toArray(String[]::new));
    }

    @Override
    protected String serviceName() {
        return "lock-service";
    }

    @Override
    protected List<String> healthShows() {
        return List.of("\"lockStore\"", "rocksdb");
    }

    @Override
    protected String storeComponent() {
        return "lockStore";
    }

    @Override
    protected void callOnce(ManagedChannel channel) {
        LockServiceGrpc.newBlockingStub(channel).getGrace(GetGraceRequest.getDefaultInstance());
    }

    @Override
    protected String grpcService() {
        return "LockService";
    }

    @Override
    protected boolean breakStore(StandaloneServer s) throws Exception {
        s.context().getBean(io.dittofs.lock.spi.LockStore.class).close();
        return true;
    }
}
