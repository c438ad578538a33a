package io.dittofs.gateway.smb.auth;

import io.dittofs.contracts.control.v1.GetNtHashRequest;
import io.dittofs.contracts.control.v1.GetNtHashResponse;
import io.dittofs.contracts.control.v1.IdentityServiceGrpc;
import io.grpc.Channel;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** NT hashes from the control plane's IdentityService (contracts control.proto, GetNtHash). */
public final class GrpcNtHashSource implements NtHashSource {

    private static final Logger log = LoggerFactory.getLogger(GrpcNtHashSource.class);

    private final IdentityServiceGrpc.IdentityServiceBlockingStub stub;
    private final Duration timeout;

    public GrpcNtHashSource(Channel controlPlane, Duration timeout) {
        this.stub = IdentityServiceGrpc.newBlockingStub(controlPlane);
        this.timeout = timeout;
    }

    @Override
    public Optional<NtIdentity> lookup(String user) {
        try {
            GetNtHashResponse r = stub.withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .getNtHash(GetNtHashRequest.newBuilder().setUser(user).build());
            if (!r.getFound() || r.getNtHash().size() != 16 || (r.hasUser() && !r.getUser().getEnabled())) {
                return Optional.empty();
            }
            return Optional.of(new NtIdentity(r.getUser().getName().isEmpty() ? user : r.getUser().getName(),
                    r.getNtHash().toByteArray(), r.getUser().getUid(), r.getUser().getGid(), r.getUser().getGidsList()));
        } catch (StatusRuntimeException e) {
            // the logon fails (LOGON_FAILURE); the cause is the control plane, which the log names
            log.warn("identity service lookup of {} failed: {}", user, e.getStatus());
            return Optional.empty();
        }
    }
}
