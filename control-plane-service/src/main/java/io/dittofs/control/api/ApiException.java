package io.dittofs.control.api;

import org.springframework.http.HttpStatus;

/**
 * A request the API refuses, rendered as RFC 7807 problem+json. {@code problem} becomes the last
 * segment of the problem type URI; {@code field} names the offending request field, when there is one.
 */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final String problem;
    private final String field;

    public ApiException(HttpStatus status, String problem, String detail, String field) {
        super(detail);
        this.status = status;
        this.problem = problem;
        this.field = field;
    }

    public static ApiException notFound(String what, String name) {
        return new ApiException(HttpStatus.NOT_FOUND, "not-found", what + " '" + name + "' does not exist", null);
    }

    public static ApiException conflict(String field, String detail) {
        return new ApiException(HttpStatus.CONFLICT, "conflict", detail, field);
    }

    public static ApiException invalid(String field, String detail) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-field", detail, field);
    }

    public HttpStatus status() { return status; }
    public String problem() { return problem; }
    public String field() { return field; }
}
