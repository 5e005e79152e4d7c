package com.alphaquant.support.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first thing a request meets: refuses what is malformed before any controller sees it, each
 * as a problem body naming the part of the request.
 * <ul>
 *   <li>a query string Tomcat cannot decode (a bad percent-escape, invalid UTF-8, an empty
 *       parameter name): 400 {@code query}; Tomcat would throw from the first
 *       {@code getParameter} call, wherever that happens to be;</li>
 *   <li>an {@code Accept} or {@code Content-Type} header that does not parse: 400 naming it;</li>
 *   <li>a body larger than the path's limit ({@link WebLimits}): 413, before it is read when the
 *       length is declared, as soon as the limit is passed when it is streamed.</li>
 * </ul>
 * An error that the application answered without a body gets a problem body on the way out.
 * It also drops problem media types from {@code Accept}, so that a client accepting
 * {@code application/problem+json} gets normal answers labelled {@code application/json}:
 * the problem type is for errors only.
 */
public class RequestGuard extends OncePerRequestFilter {

    private final WebLimits limits;

    public RequestGuard(WebLimits limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParameterMap();
        } catch (RuntimeException e) { // Tomcat's InvalidParameterException and kin
            Problems.write(response, Problems.invalid("query", "the query string is malformed (a bad %-escape, "
                    + "invalid UTF-8 or an empty parameter name): " + e.getMessage()));
            return;
        }
        List<MediaType> accept;
        try {
            accept = MediaType.parseMediaTypes(Collections.list(request.getHeaders(HttpHeaders.ACCEPT)));
            if (request.getContentType() != null) {
                MediaType.parseMediaType(request.getContentType());
            }
        } catch (InvalidMediaTypeException e) {
            String header = request.getContentType() != null && e.getMediaType().equals(request.getContentType())
                    ? HttpHeaders.CONTENT_TYPE : HttpHeaders.ACCEPT;
            Problems.write(response, Problems.invalid(header, Problems.quote(e.getMediaType()) + " is not a media type: "
                    + e.getMessage()));
            return;
        }
        long limit = limits.maxBodyBytes(request.getRequestURI());
        if (request.getContentLengthLong() > limit) {
            Problems.write(response, tooLarge(request.getContentLengthLong(), limit));
            return;
        }
        chain.doFilter(new Guarded(request, accept, limit), response);
        if (response.getStatus() >= 400 && response.getContentType() == null && !response.isCommitted()
                && !request.isAsyncStarted()) {
            // An error answered without a body (the actuator's 404 for an unknown health component).
            HttpStatus status = HttpStatus.resolve(response.getStatus());
            if (status != null) {
                String path = Problems.quote(request.getRequestURI());
                Problems.write(response, Problems.of(status, null, status == HttpStatus.NOT_FOUND ? "nothing is at " + path
                        : status.getReasonPhrase() + " for " + path));
            }
        }
    }

    static org.springframework.http.ProblemDetail tooLarge(long size, long limit) {
        return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "body",
                (size < 0 ? "more than " + limit : String.valueOf(size)) + " bytes; this endpoint takes at most " + limit);
    }

    /** A body read past its limit; {@link ProblemResponses} answers it with a 413. */
    static final class BodyTooLargeException extends IOException {
        final long limit;

        BodyTooLargeException(long limit) {
            super("The request body is larger than " + limit + " bytes");
            this.limit = limit;
        }
    }

    /** The request as the application sees it: {@code Accept} without problem types, the body counted. */
    private static final class Guarded extends HttpServletRequestWrapper {
        private final List<String> accept;
        private final long limit;
        private ServletInputStream body;

        Guarded(HttpServletRequest request, List<MediaType> accept, long limit) {
            super(request);
            List<String> kept = new ArrayList<>();
            for (MediaType type : accept) {
                if (!type.getSubtype().toLowerCase(Locale.ROOT).startsWith("problem+")) {
                    kept.add(type.toString());
                }
            }
            this.accept = kept.size() == accept.size() ? null : kept;
            this.limit = limit;
        }

        @Override
        public String getHeader(String name) {
            if (accept != null && HttpHeaders.ACCEPT.equalsIgnoreCase(name)) {
                return accept.isEmpty() ? null : String.join(", ", accept);
            }
            return super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            if (accept != null && HttpHeaders.ACCEPT.equalsIgnoreCase(name)) {
                return Collections.enumeration(accept.isEmpty() ? List.of() : List.of(String.join(", ", accept)));
            }
            return super.getHeaders(name);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (body == null) {
                body = new Counted(super.getInputStream(), limit);
            }
            return body;
        }
    }

    /** Fails the read that passes the limit, so a streamed body cannot fill the heap. */
    private static final class Counted extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long read;

        Counted(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > limit) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
