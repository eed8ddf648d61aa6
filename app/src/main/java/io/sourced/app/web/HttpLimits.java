package io.sourced.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * The request size limit, {@code sourced.http.max-body}, ahead of every other filter; the proxies whose forwarded
 * headers are believed, {@code sourced.http.trusted-proxies}; Tomcat's refusals as problems.
 */
@Configuration(proxyBeanMethods = false)
class HttpLimits {

    /** Tomcat's own refusals as problem details too (in place of its HTML error report). */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve.getClass() == ErrorReportValve.class) {
                        host.getPipeline().removeValve(valve);
                    }
                }
            }
        });
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> trustedProxies(
            @Value("${sourced.http.trusted-proxies:}") List<String> proxies) {
        return factory -> factory.addEngineValves(new TrustedProxyValve(proxies));
    }

    @Bean
    FilterRegistrationBean<BodySizeLimit> bodySizeLimit(
            @Value("${sourced.http.max-body:64KB}") DataSize maxBody, ObjectMapper objectMapper) {
        FilterRegistrationBean<BodySizeLimit> registration =
                new FilterRegistrationBean<>(new BodySizeLimit(maxBody, objectMapper));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
