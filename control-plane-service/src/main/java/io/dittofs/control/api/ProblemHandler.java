package io.dittofs.control.api;

import io.dittofs.control.auth.TooManyAttemptsException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Turns every refusal into RFC 7807 problem+json that names the offending field. */
// no basePackages: a 404 (no handler), 405 or 415 has no controller of ours, and must be problem+json too
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(TooManyAttemptsException.class)
    ResponseEntity<ProblemDetail> throttled(TooManyAttemptsException e) {
        return ResponseEntity.status(e.status()).header("Retry-After", Long.toString(e.retryAfterSeconds()))
                .body(Problems.of(e.status(), e.problem(), e.getMessage(), e.field()));
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        return ResponseEntity.status(e.status()).body(Problems.of(e.status(), e.problem(), e.getMessage(), e.field()));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
        String cause = String.valueOf(e.getMostSpecificCause().getMessage());
        if (cause.toLowerCase(java.util.Locale.ROOT).contains("too long")) {
            // H2 "Value too long for column", PostgreSQL "value too long for type character varying(n)"
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\((\\d+)\\)").matcher(cause);
            String limit = m.find() ? " (at most " + m.group(1) + " characters)" : "";
            return ResponseEntity.unprocessableContent().body(Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "value-too-long",
                    "a value is longer than the server can store" + limit + "; shorten it", null));
        }
        // services check uniqueness first; this is the race where two requests pass the check together
        log.info("constraint violation: {}", e.getMostSpecificCause().getMessage());
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(Problems.of(HttpStatus.CONFLICT, "conflict", "the change conflicts with existing data", null));
    }

    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrent(ObjectOptimisticLockingFailureException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(Problems.of(HttpStatus.CONFLICT, "concurrent-change", "the object was changed concurrently; retry", null));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getBindingResult().getFieldErrors();
        FieldError first = errors.isEmpty() ? null : errors.getFirst();
        String detail = first == null ? "invalid request" : first.getField() + ": " + first.getDefaultMessage();
        ProblemDetail pd = Problems.of(HttpStatus.BAD_REQUEST, "invalid-field", detail, first == null ? null : first.getField());
        pd.setProperty("errors", errors.stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                .toList());
        return ResponseEntity.badRequest().body(pd);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getMostSpecificCause();
        ProblemDetail pd;
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof RequestSizeLimit.TooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                        .body(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", t.getMessage(), null));
            }
        }
        if (cause instanceof UnrecognizedPropertyException u) {
            pd = Problems.of(HttpStatus.BAD_REQUEST, "unknown-field", "unknown field '" + u.getPropertyName() + "'", u.getPropertyName());
        } else if (cause instanceof JacksonException j && !j.getPath().isEmpty()) {
            String field = fieldPath(j.getPath());
            pd = Problems.of(HttpStatus.BAD_REQUEST, "invalid-field", "field '" + field + "' has the wrong type or format", field);
        } else {
            pd = Problems.of(HttpStatus.BAD_REQUEST, "malformed-json", "the request body is not valid JSON", null);
        }
        return ResponseEntity.badRequest().body(pd);
    }

    /** Spring's own problems (404, 405, 406, 415, ...) get this API's problem type instead of about:blank. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail pd && (pd.getType() == null || "about:blank".equals(pd.getType().toString()))) {
            pd.setType(java.net.URI.create(Problems.TYPE_BASE + Problems.nameOf(statusCode)));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private static String fieldPath(List<JacksonException.Reference> path) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference r : path) {
            if (r.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
