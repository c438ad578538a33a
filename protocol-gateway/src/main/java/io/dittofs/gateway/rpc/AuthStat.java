package io.dittofs.gateway.rpc;

/** auth_stat of an AUTH_ERROR reply (RFC 5531 §9). */
public enum AuthStat {
    OK(0), BADCRED(1), REJECTEDCRED(2), BADVERF(3), REJECTEDVERF(4), TOOWEAK(5);

    public final int code;

    AuthStat(int code) {
        this.code = code;
    }
}
