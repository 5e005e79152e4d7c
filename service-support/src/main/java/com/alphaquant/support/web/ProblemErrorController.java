package com.alphaquant.support.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page ({@code /error}) as a problem body, in place of Spring
 * Boot's default JSON: what Tomcat refuses inside the application (a {@code TRACE}, an error
 * raised by a filter or a streamed body) answers like everything else. The body is written
 * directly, whatever the request's {@code Accept}, so that no error is left without one.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping("${server.error.path:/error}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 404;
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        ProblemDetail problem = failure == null ? null : ProblemResponses.outage(failure);
        if (problem == null) {
            if (status >= 500 && failure != null) {
                log.error("Unhandled error on {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), failure);
            }
            problem = ProblemErrorReportValve.problem(status, (String) request.getAttribute(RequestDispatcher.ERROR_MESSAGE));
        }
        response.resetBuffer();
        Problems.write(response, problem);
    }
}
