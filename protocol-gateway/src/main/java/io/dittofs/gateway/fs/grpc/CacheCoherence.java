package io.dittofs.gateway.fs.grpc;

import com.google.protobuf.InvalidProtocolBufferException;
import io.dittofs.contracts.metadata.v1.Invalidation;
import io.dittofs.gateway.fs.AttrCache;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On the gateway's metadata channel when it caches attributes: every call names this gateway
 * (x-dittofs-gateway), and a mutation's answer carries what it invalidated
 * (x-dittofs-invalidation-bin), applied here before the caller sees the answer. A mutation that
 * fails without an answer may still commit later, unseen: the cache restarts under a new id.
 */
final class CacheCoherence implements ClientInterceptor {

    private static final Logger log = LoggerFactory.getLogger(CacheCoherence.class);

    static final Metadata.Key<String> GATEWAY = Metadata.Key.of("x-dittofs-gateway", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<byte[]> INVALIDATION =
            Metadata.Key.of("x-dittofs-invalidation-bin", Metadata.BINARY_BYTE_MARSHALLER);

    /** Methods that change nothing: their failures say nothing about coherence. */
    private static final Set<String> READS = Set.of("GetRoot", "Lookup", "GetAttr", "Access", "ReadLink", "ReadDir",
            "FsStat", "FsInfo", "GetXattr", "ListXattrs", "WatchInvalidations", "Commit", "CreateShare");

    private final AttrCache cache;
    private final InvalidationWatch watch;

    CacheCoherence(AttrCache cache, InvalidationWatch watch) {
        this.cache = cache;
        this.watch = watch;
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        boolean mutation = !READS.contains(method.getBareMethodName());
        return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
            @Override
            public void start(Listener<R> listener, Metadata headers) {
                headers.put(GATEWAY, watch.gatewayId());
                super.start(new ForwardingClientCallListener.SimpleForwardingClientCallListener<>(listener) {
                    private boolean applied;

                    @Override
                    public void onHeaders(Metadata h) {
                        applied |= applyFrom(h);
                        super.onHeaders(h);
                    }

                    @Override
                    public void onClose(Status status, Metadata trailers) {
                        // a call that fails before any header is answered "trailers-only"
                        applied |= applyFrom(trailers);
                        if (mutation && !status.isOk() && !applied) {
                            watch.restart(method.getBareMethodName() + " failed: " + status.getCode());
                        }
                        super.onClose(status, trailers);
                    }
                }, headers);
            }
        };
    }

    private boolean applyFrom(Metadata h) {
        byte[] b = h.get(INVALIDATION);
        if (b == null) {
            return false;
        }
        try {
            InvalidationWatch.apply(cache, Invalidation.parseFrom(b));
        } catch (InvalidProtocolBufferException e) {
            log.warn("unreadable invalidation header: {}", e.getMessage());
            cache.invalidateAll();
        }
        return true;
    }
}
