package io.dittofs.contracts.grpc;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import com.google.protobuf.UnsafeByteOperations;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.HasByteBuffer;
import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parses a large message that arrived over a socket into one array whose {@code bytes} fields
 * alias it, instead of protobuf's default of copying every {@code bytes} field out of the array it
 * first copied the frames into.
 *
 * <p>Why: a 1 MiB block-service Read answer (or Write request) was copied from the socket's
 * buffers into a fresh array, then copied again into the {@code data} ByteString, then once more
 * into the NFS reply: in the profile of an nfs-cp read between processes, parsing was 62 % of the
 * gateway's READ handler (array copies and the zeroing of the fresh arrays). Here the second copy
 * is gone. The array belongs to the message alone (nobody else holds it), so aliasing it is as safe
 * as a copy; messages below {@link #MIN_BYTES} and in-process calls (whose stream carries the
 * message object itself) use the standard marshaller.
 */
public final class AliasingMarshaller<T> implements MethodDescriptor.Marshaller<T> {

    /** Smaller messages gain nothing worth a second path. */
    public static final int MIN_BYTES = 64 * 1024;

    private final MethodDescriptor.Marshaller<T> standard;
    private final Parser<T> parser;

    private AliasingMarshaller(MethodDescriptor.Marshaller<T> standard, Parser<T> parser) {
        this.standard = standard;
        this.parser = parser;
    }

    /** The aliasing form of a protobuf marshaller; any other marshaller as it is. */
    @SuppressWarnings("unchecked")
    public static <T> MethodDescriptor.Marshaller<T> of(MethodDescriptor.Marshaller<T> m) {
        if (m instanceof AliasingMarshaller<T>) {
            return m;
        }
        if (m instanceof MethodDescriptor.PrototypeMarshaller<T> p && p.getMessagePrototype() instanceof MessageLite proto) {
            return new AliasingMarshaller<>(m, (Parser<T>) proto.getParserForType());
        }
        return m;
    }

    @Override
    public InputStream stream(T value) {
        return standard.stream(value);
    }

    @Override
    public T parse(InputStream in) {
        try {
            if (!(in instanceof HasByteBuffer) || !(in instanceof KnownLength) || in.available() < MIN_BYTES) {
                return standard.parse(in);
            }
            int size = in.available();
            byte[] frame = new byte[size];
            // readNBytes(int) would gather 8 KiB pieces and join them: one more copy of everything
            if (in.readNBytes(frame, 0, size) != size || in.read() != -1) {
                throw Status.INTERNAL.withDescription("message length changed while it was read").asRuntimeException();
            }
            CodedInputStream cis = UnsafeByteOperations.unsafeWrap(frame).newCodedInput();
            cis.enableAliasing(true);
            cis.setSizeLimit(Integer.MAX_VALUE);
            T message = parser.parseFrom(cis);
            cis.checkLastTagWas(0);
            return message;
        } catch (InvalidProtocolBufferException e) {
            throw Status.INTERNAL.withDescription("invalid protobuf byte sequence").withCause(e).asRuntimeException();
        } catch (IOException e) {
            throw Status.INTERNAL.withDescription("cannot read the message").withCause(e).asRuntimeException();
        }
        // gRPC closes the stream after parse, with either marshaller
    }

    /** On a socket channel: answers are parsed with aliasing. */
    static final ClientInterceptor CLIENT = new ClientInterceptor() {
        private final Map<MethodDescriptor<?, ?>, MethodDescriptor<?, ?>> methods = new ConcurrentHashMap<>();

        @Override
        @SuppressWarnings("unchecked")
        public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
            MethodDescriptor<Q, R> m = (MethodDescriptor<Q, R>) methods.computeIfAbsent(method,
                    k -> method.toBuilder().setResponseMarshaller(of(method.getResponseMarshaller())).build());
            return next.newCall(m, options);
        }
    };

    /** On a socket server: requests are parsed with aliasing. */
    static ServerServiceDefinition requests(ServerServiceDefinition def) {
        // the service descriptor must list the very descriptors its methods are bound to
        java.util.List<ServerMethodDefinition<?, ?>> methods = new java.util.ArrayList<>();
        io.grpc.ServiceDescriptor old = def.getServiceDescriptor();
        io.grpc.ServiceDescriptor.Builder descriptor = io.grpc.ServiceDescriptor.newBuilder(old.getName())
                .setSchemaDescriptor(old.getSchemaDescriptor());
        for (ServerMethodDefinition<?, ?> m : def.getMethods()) {
            ServerMethodDefinition<?, ?> aliased = requests(m);
            methods.add(aliased);
            descriptor.addMethod(aliased.getMethodDescriptor());
        }
        ServerServiceDefinition.Builder b = ServerServiceDefinition.builder(descriptor.build());
        methods.forEach(b::addMethod);
        return b.build();
    }

    private static <Q, R> ServerMethodDefinition<Q, R> requests(ServerMethodDefinition<Q, R> m) {
        MethodDescriptor<Q, R> d = m.getMethodDescriptor();
        return ServerMethodDefinition.create(d.toBuilder().setRequestMarshaller(of(d.getRequestMarshaller())).build(),
                m.getServerCallHandler());
    }
}
