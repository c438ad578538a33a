package io.dittofs.control.api;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the problem documents every error of the admin API uses. */
public final class Problems {

    public static final String TYPE_BASE = "https://dittofs.io/problems/";
    public static final String PASSWORD_CHANGE_REQUIRED = "password-change-required";

    private Problems() {
    }

    /** The problem name for a status without a more specific one: "not-found", "method-not-allowed". */
    public static String nameOf(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return switch (status.value()) {
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> known == null ? "http-" + status.value()
                    : known.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        };
    }

    public static ProblemDetail of(HttpStatusCode status, String problem, String detail, String field) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setType(URI.create(TYPE_BASE + problem));
        if (field != null) {
            pd.setProperty("field", field);
        }
        return pd;
    }
}
