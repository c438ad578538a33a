package io.dittofs.control.watch;

import com.google.protobuf.ByteString;
import io.dittofs.contracts.control.v1.GetNtHashRequest;
import io.dittofs.contracts.control.v1.GetNtHashResponse;
import io.dittofs.contracts.control.v1.Group;
import io.dittofs.contracts.control.v1.IdentityServiceGrpc;
import io.dittofs.contracts.control.v1.ResolveGroupRequest;
import io.dittofs.contracts.control.v1.ResolveGroupResponse;
import io.dittofs.contracts.control.v1.ResolveUserRequest;
import io.dittofs.contracts.control.v1.ResolveUserResponse;
import io.dittofs.contracts.control.v1.User;
import io.dittofs.control.idp.DirectoryGroup;
import io.dittofs.control.idp.DirectoryUnavailableException;
import io.dittofs.control.idp.DirectoryUser;
import io.dittofs.control.idp.IdentityResolver;
import io.dittofs.control.users.UserRepository;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/** Identity lookups for the data path: local users first, then the LDAP directory (cached). */
public class IdentityGrpcService extends IdentityServiceGrpc.IdentityServiceImplBase {

    private static final Logger log = LoggerFactory.getLogger(IdentityGrpcService.class);

    private final IdentityResolver resolver;
    private final UserRepository users;
    private final TransactionTemplate readOnly;

    public IdentityGrpcService(IdentityResolver resolver, UserRepository users, TransactionTemplate readOnly) {
        this.resolver = resolver;
        this.users = users;
        this.readOnly = readOnly;
    }

    @Override
    public void resolveUser(ResolveUserRequest req, StreamObserver<ResolveUserResponse> out) {
        answer(out, () -> {
            Optional<DirectoryUser> u = switch (req.getKeyCase()) {
                case NAME -> resolver.userByName(req.getName());
                case UID -> resolver.userByUid(Integer.toUnsignedLong(req.getUid()));
                case SID -> resolver.userBySid(req.getSid());
                case KERBEROS_PRINCIPAL -> resolver.userByPrincipal(req.getKerberosPrincipal());
                case KEY_NOT_SET -> Optional.empty();
            };
            return u.map(x -> ResolveUserResponse.newBuilder().setFound(true).setUser(proto(x)).build())
                    .orElse(ResolveUserResponse.newBuilder().setFound(false).build());
        });
    }

    @Override
    public void resolveGroup(ResolveGroupRequest req, StreamObserver<ResolveGroupResponse> out) {
        answer(out, () -> {
            Optional<DirectoryGroup> g = switch (req.getKeyCase()) {
                case NAME -> resolver.groupByName(req.getName());
                case GID -> resolver.groupByGid(Integer.toUnsignedLong(req.getGid()));
                case SID -> resolver.groupBySid(req.getSid());
                case KEY_NOT_SET -> Optional.empty();
            };
            return g.map(x -> ResolveGroupResponse.newBuilder().setFound(true).setGroup(Group.newBuilder()
                            .setName(x.name()).setGid((int) x.gid()).setSid(x.sid()).addAllMembers(x.members())).build())
                    .orElse(ResolveGroupResponse.newBuilder().setFound(false).build());
        });
    }

    /** Only local, enabled users have an NT hash: LDAP passwords are never seen by DittoFS. */
    @Override
    public void getNtHash(GetNtHashRequest req, StreamObserver<GetNtHashResponse> out) {
        answer(out, () -> readOnly.execute(s -> users.findByName(req.getUser())
                .filter(u -> u.isEnabled() && u.getNtHash() != null)
                .map(u -> GetNtHashResponse.newBuilder().setFound(true).setNtHash(ByteString.copyFrom(u.getNtHash()))
                        .setUser(proto(resolver.userByName(u.getName()).orElseThrow())).build())
                .orElse(GetNtHashResponse.newBuilder().setFound(false).build())));
    }

    private static User proto(DirectoryUser u) {
        User.Builder b = User.newBuilder().setName(u.name()).setUid((int) u.uid()).setGid((int) u.gid())
                .setSid(u.sid()).setEnabled(u.enabled());
        if (u.kerberosPrincipal() != null) {
            b.setKerberosPrincipal(u.kerberosPrincipal());
        }
        u.gids().forEach(g -> b.addGids(g.intValue()));
        return b.build();
    }

    private static <T> void answer(StreamObserver<T> out, Supplier<T> body) {
        T result;
        try {
            result = body.get();
        } catch (DirectoryUnavailableException e) {
            log.warn("identity lookup failed: {}", e.getMessage());
            out.onError(Status.UNAVAILABLE.withDescription("identity provider unavailable").asRuntimeException());
            return;
        } catch (RuntimeException e) {
            log.error("identity lookup failed", e);
            out.onError(Status.INTERNAL.withDescription("identity lookup failed").asRuntimeException());
            return;
        }
        out.onNext(result);
        out.onCompleted();
    }

}
