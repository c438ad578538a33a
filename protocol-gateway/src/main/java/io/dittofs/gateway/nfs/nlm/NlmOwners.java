package io.dittofs.gateway.nfs.nlm;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * An NLM lock owner within its host is (svid, oh): the lock-service sees one opaque owner made of
 * the svid's four bytes followed by oh, so TEST can report both back.
 */
final class NlmOwners {

    private NlmOwners() {
    }

    static byte[] encode(int svid, byte[] oh) {
        return ByteBuffer.allocate(4 + oh.length).putInt(svid).put(oh).array();
    }

    static int svid(byte[] owner) {
        return owner.length >= 4 ? ByteBuffer.wrap(owner).getInt() : 0;
    }

    static byte[] oh(byte[] owner) {
        return owner.length >= 4 ? Arrays.copyOfRange(owner, 4, owner.length) : owner.clone();
    }
}
