package com.alphaquant.support.web;

import com.alphaquant.support.web.Problems.FieldError;
import jakarta.validation.ConstraintViolationException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Turns every failure into an RFC 9457 problem body. Bad input becomes 400 with an
 * {@code errors} list of {@code {field, reason}}; a database or service this one needs that does
 * not answer becomes 503 with {@code Retry-After}; anything unexpected becomes a 500 whose body
 * says nothing about the internals (the stack trace goes to the log only).
 */
@RestControllerAdvice
public class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler(BadRequestException.class)
    ProblemDetail badRequest(BadRequestException e) {
        return Problems.invalid(e.field(), e.getMessage());
    }

    /** Domain factories (TsCode.of, rule look-ups) reject bad values with a message naming them. */
    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail illegalArgument(IllegalArgumentException e) {
        return Problems.invalid(List.of(new FieldError(null, e.getMessage())));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolation(ConstraintViolationException e) {
        return Problems.invalid(e.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "a valid value" : e.getRequiredType().getSimpleName();
        return Problems.invalid(e.getName(), Problems.quote(e.getValue()) + " is not a valid " + expected);
    }

    @ExceptionHandler(UpstreamUnavailableException.class)
    ResponseEntity<ProblemDetail> upstreamUnavailable(UpstreamUnavailableException e) {
        log.warn("{}: {}", e.title(), e.getMessage());
        return unavailable(Problems.unavailable(e.title(), e.detail()));
    }

    @ExceptionHandler(UpstreamRejectedException.class)
    ProblemDetail upstreamRejected(UpstreamRejectedException e) {
        ProblemDetail problem = e.status() == HttpStatus.BAD_REQUEST
                ? Problems.invalid(null, e.getMessage()) : ProblemDetail.forStatusAndDetail(e.status(), Problems.shorten(e.getMessage()));
        problem.setTitle(e.status().getReasonPhrase() + " (" + e.service() + ")");
        return problem;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        ProblemDetail outage = outage(e);
        if (outage != null) {
            log.warn("{}: {}", outage.getTitle(), e.toString());
            return unavailable(outage);
        }
        log.error("Unhandled error", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "An internal error occurred; it has been logged.");
        problem.setTitle("Internal error");
        return ResponseEntity.internalServerError().body(problem);
    }

    /**
     * The 503 for a failure caused by the database being unreachable or its schema missing, from
     * the SQL states in the cause chain (08: connection, 57P: shut down, 53300: too many
     * connections; 42P01/3F000/3D000: table, schema or database missing), or an SQL failure
     * caused by I/O or by a pooled connection closed under it; null for anything else.
     */
    static ProblemDetail outage(Throwable failure) {
        boolean sql = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return databaseUnavailable();
            }
            if (sql && t instanceof java.io.IOException) {
                return databaseUnavailable();
            }
            if (t instanceof SQLException closed && closed.getSQLState() == null
                    && "Connection is closed".equals(closed.getMessage())) { // HikariCP's, for a connection the outage closed
                return databaseUnavailable();
            }
            sql |= t instanceof SQLException;
            if (t instanceof SQLException withState && withState.getSQLState() != null) {
                String state = withState.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P") || state.equals("53300")) {
                    return databaseUnavailable();
                }
                if (state.equals("42P01") || state.equals("3F000") || state.equals("3D000")) {
                    return Problems.unavailable("Database not ready",
                            "This service's database has no schema (recreated or not migrated); try again once it is restored.");
                }
            }
        }
        return null;
    }

    private static ProblemDetail databaseUnavailable() {
        return Problems.unavailable("Database unavailable", "This service's database does not answer right now; try again shortly.");
    }

    private static ResponseEntity<ProblemDetail> unavailable(ProblemDetail problem) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(Problems.RETRY_AFTER_SECONDS)).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.getDefaultMessage()))
                .toList();
        return ResponseEntity.badRequest().body(Problems.invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(err -> new FieldError(fieldOf(r.getMethodParameter().getParameterName(), err), err.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(Problems.invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(Problems.invalid(e.getParameterName(), "is required (" + e.getParameterType() + ")"));
    }

    /** An unreadable body: which JSON field and why, or a 413 when it passed its size limit. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RequestGuard.BodyTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(RequestGuard.tooLarge(-1, tooLarge.limit));
            }
        }
        if (e.getCause() instanceof JacksonException json) {
            String reason = json.getOriginalMessage() == null ? "unreadable JSON" : json.getOriginalMessage().lines().findFirst().orElse("");
            return ResponseEntity.badRequest().body(Problems.invalid(jsonPath(json), reason));
        }
        return ResponseEntity.badRequest().body(Problems.invalid("body", "a readable JSON body is required"));
    }

    /** The JSON path of a Jackson failure, e.g. {@code base.commission} or {@code weights[3].tsCode}; {@code body} at the root. */
    public static String jsonPath(JacksonException e) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            if (r.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }

    private static String fieldOf(String parameter, Object error) {
        if (error instanceof org.springframework.validation.FieldError f) {
            return parameter + "." + f.getField();
        }
        return parameter;
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
