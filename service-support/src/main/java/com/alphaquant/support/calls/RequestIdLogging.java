package com.alphaquant.support.calls;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the gateway's {@value #HEADER} into the logging context ({@value #MDC_KEY}) for the
 * request's log lines, beside the trace and span ids tracing puts there; {@link ServiceCalls} passes
 * it on to the services this request calls. An id that is not a short token of safe characters is
 * left out: a header must not be able to forge log content.
 */
public class RequestIdLogging extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = request.getHeader(HEADER);
        if (id == null || !SANE.matcher(id).matches()) {
            chain.doFilter(request, response);
            return;
        }
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    /** Async dispatches (streamed panels) log too. */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }
}
