package com.alphaquant.support.calls;

import com.alphaquant.support.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns away calls that lack the {@link InternalToken} with a 401 problem body naming
 * {@value InternalToken#HEADER}, so that only the gateway and the other services reach a service's
 * API. Open without it: the health probes ({@code /actuator/health/**}, asked by the kubelet) and
 * {@code /actuator/prometheus} (scraped inside the cluster, where NetworkPolicies say who may).
 * Installed only where a token is configured.
 */
public class InternalTokenFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(InternalTokenFilter.class);

    private final InternalToken token;

    public InternalTokenFilter(InternalToken token) {
        this.token = token;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(InternalToken.HEADER);
        if (token.matches(presented) || open(path(request))) {
            chain.doFilter(request, response);
            return;
        }
        String reason = presented == null ? "missing: calls to this service must come through the gateway or another service"
                : "does not match this service's internal token";
        // Never the presented value: a caller that sends the wrong secret may have sent another real one.
        log.warn("Refused {} {}: {} {}", request.getMethod(), request.getRequestURI(), InternalToken.HEADER,
                presented == null ? "missing" : "wrong");
        response.setHeader("WWW-Authenticate", "InternalToken header=\"" + InternalToken.HEADER + "\"");
        Problems.write(response, Problems.of(HttpStatus.UNAUTHORIZED, InternalToken.HEADER, reason));
    }

    /** The path as the servlet container decoded and normalised it, so {@code ..} or {@code ;} cannot dress one path up as another. */
    private static String path(HttpServletRequest request) {
        String info = request.getPathInfo();
        return info == null ? request.getServletPath() : request.getServletPath() + info;
    }

    static boolean open(String path) {
        return path.equals("/actuator/prometheus") || path.equals("/actuator/health") || path.startsWith("/actuator/health/");
    }
}
