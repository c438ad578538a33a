package io.dittofs.control.api;

import java.net.URI;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the problem documents every error of the admin API uses. */
public final class Problems {

    public static final String TYPE_BASE = "https://dittofs.io/problems/";
    public static final String PASSWORD_CHANGE_REQUIRED = "password-change-required";

    private Problems() {
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
