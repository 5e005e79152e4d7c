package com.alphaquant.support.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * One error model for every servlet service that depends on this module: {@link ProblemResponses}
 * for what Spring MVC raises, {@link RequestGuard} in front of everything, {@link
 * ProblemErrorController} for the container's error page, and {@link ProblemErrorReportValve}
 * for what Tomcat answers before the application sees the request.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(WebLimits.class)
@Import({ProblemResponses.class, ProblemErrorController.class})
public class ProblemResponsesAutoConfiguration {

    @Bean
    FilterRegistrationBean<RequestGuard> requestGuard(WebLimits limits) {
        TradingDates.setLastDate(limits.lastDate());
        FilterRegistrationBean<RequestGuard> registration = new FilterRegistrationBean<>(new RequestGuard(limits));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Replaces Tomcat's HTML error report (and Spring Boot's plain one) with the problem valve. */
    @Bean
    ProblemErrorReportInstaller problemErrorReport() {
        return new ProblemErrorReportInstaller();
    }

    /** Runs after Spring Boot's own Tomcat customizer, which adds a plain error report valve of its own. */
    static final class ProblemErrorReportInstaller implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {
        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                Host host = (Host) context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.getPipeline().addValve(new ProblemErrorReportValve());
                if (host instanceof StandardHost standard) {
                    standard.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
