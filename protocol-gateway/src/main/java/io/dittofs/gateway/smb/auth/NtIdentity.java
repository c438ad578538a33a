package io.dittofs.gateway.smb.auth;

import java.util.List;

/** A user as NTLM sees it: the name, the NT hash (MD4 of the password) and the ids calls run under. */
public record NtIdentity(String name, byte[] ntHash, int uid, int gid, List<Integer> gids) {

    public NtIdentity {
        if (ntHash.length != 16) {
            throw new IllegalArgumentException("an NT hash has 16 bytes");
        }
        ntHash = ntHash.clone();
        gids = List.copyOf(gids);
    }

    @Override
    public byte[] ntHash() {
        return ntHash.clone();
    }

    @Override
    public String toString() {
        return "NtIdentity[" + name + ", uid=" + uid + "]";
    }
}
