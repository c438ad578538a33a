package io.dittofs.contracts.grpc;

import io.grpc.Metadata;
import org.slf4j.MDC;

/**
 * The request/trace id of one protocol operation: the gateway puts it in the SLF4J MDC under
 * {@link #MDC_KEY}, every service call carries it in the {@link #HEADER_NAME} metadata header, and
 * the service puts it back in its MDC while the call runs, so one grep finds a request's lines in
 * every process.
 */
public final class TraceIds {

    public static final String MDC_KEY = "traceId";
    public static final String HEADER_NAME = "x-dittofs-trace-id";
    public static final Metadata.Key<String> HEADER = Metadata.Key.of(HEADER_NAME, Metadata.ASCII_STRING_MARSHALLER);
    /** Longer header values are not an id this project made: they are dropped, not logged. */
    public static final int MAX_LENGTH = 64;

    private TraceIds() {
    }

    /** The id of the operation this thread runs, or null. */
    public static String current() {
        return MDC.get(MDC_KEY);
    }

    /**
     * A header value fit for logs: 1..64 characters of {@code [A-Za-z0-9._:-]}, else null (a header
     * comes from the network; it must not inject log lines or fields).
     */
    public static String accept(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == ':' || c == '-';
            if (!ok) {
                return null;
            }
        }
        return value;
    }

    /** Sets the id for this thread until the scope closes (then the previous one, if any, is back). */
    public static Scope open(String id) {
        if (id == null) {
            return Scope.NONE;
        }
        String previous = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, id);
        return previous == null ? Scope.REMOVE : () -> MDC.put(MDC_KEY, previous);
    }

    /** Restores the MDC; closing never throws. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        Scope NONE = () -> { };
        Scope REMOVE = () -> MDC.remove(MDC_KEY);

        @Override
        void close();
    }
}
