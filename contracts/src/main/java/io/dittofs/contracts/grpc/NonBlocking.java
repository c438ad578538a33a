package io.dittofs.contracts.grpc;

import io.grpc.Channel;

/**
 * The "cannot block" execution mode. A caller that must not block (a Netty event loop answering a
 * read on the spot, see the gateway's RpcCallHandler) {@linkplain #enter() enters} a scope on its
 * thread; everything that runs under it promises never to wait: no I/O, no lock that another
 * thread may hold across I/O, no call to another process. What cannot keep that promise throws
 * {@link #wouldBlock(String)} instead, which also marks the scope, and the caller discards what it
 * did and runs the whole work again the ordinary way (on a virtual thread), exactly once.
 *
 * <p>Who honours it: {@link DirectChannel} runs unary calls of hosted services directly on the
 * calling thread (the in-process transport would hand them to another thread and make the caller
 * wait), and refuses calls it cannot run directly; socket channels ({@link ServiceChannels})
 * refuse every call; the metadata stores answer from memory only (RocksDB: block cache and
 * memtables; the memory store: only if its lock is free) and refuse writes.
 *
 * <p>The scope is a plain thread-local: the work it covers runs on the thread that entered it, and
 * anything that hops threads has already broken the promise.
 */
public final class NonBlocking {

    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

    private NonBlocking() {
    }

    /** Starts the mode on this thread; close the scope (try-with-resources) to end it. Not nestable. */
    public static Scope enter() {
        Scope s = new Scope();
        CURRENT.set(s);
        return s;
    }

    /** Whether this thread runs under the mode: then nothing may wait. */
    public static boolean active() {
        return CURRENT.get() != null;
    }

    /**
     * The signal to throw where the work would have to wait: it marks the current scope (so the
     * caller learns of it even where a layer in between turns the exception into an error answer)
     * and unwinds to whoever entered it.
     */
    public static WouldBlock wouldBlock(String why) {
        Scope s = CURRENT.get();
        if (s != null) {
            s.blocked = true;
        }
        return new WouldBlock(why);
    }

    /**
     * Whether calls on {@code channel} can be answered on the calling thread: only channels to a
     * service hosted in this process ({@code in-process:} targets). Decided from how the channel was
     * built, never guessed from timings.
     */
    public static boolean direct(Channel channel) {
        return channel instanceof DirectChannel;
    }

    /** One entered mode on one thread. */
    public static final class Scope implements AutoCloseable {

        private boolean blocked;

        private Scope() {
        }

        /** Something under this scope would have had to wait: its result must be discarded. */
        public boolean blocked() {
            return blocked;
        }

        @Override
        public void close() {
            CURRENT.remove();
        }
    }

    /**
     * Thrown instead of waiting under the mode. Expected, frequent and handled by a retry off the
     * event loop, so it carries no stack trace and is never logged as an error.
     */
    public static final class WouldBlock extends RuntimeException {

        public WouldBlock(String why) {
            super(why, null, false, false);
        }
    }
}
