package io.dittofs.gateway.nfs.nlm;

import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;

/**
 * One NLM procedure in its synchronous form; the *_MSG form of the same number + 5 runs it too and
 * sends the reply to the client as the *_RES call (number + 10).
 *
 * @param <A> the decoded arguments
 */
public interface NlmProcedure<A> {

    int number();

    /** Pure and bounded: bad input is an XdrException (GARBAGE_ARGS), never anything unchecked. */
    A decode(XdrReader in, int version) throws XdrException;

    NlmReply execute(NlmRequest req, A args);
}
