package io.dittofs.gateway.rpc.auth;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.dittofs.gateway.rpc.Credential;
import io.netty.buffer.Unpooled;

/** Coverage-guided: an AUTH_SYS body decodes or is null (BADCRED), never throws, never over-long. */
class AuthSysFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void anyCredentialBody(byte[] bytes) {
        Credential.Sys c = AuthSys.decode(Unpooled.wrappedBuffer(bytes));
        if (c != null && (c.gids().size() > AuthSys.MAX_GIDS || c.machine().length() > 255)) {
            throw new AssertionError("accepted an over-long credential: " + c);
        }
    }
}
