package io.sourced.app.web;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Requests are observed ({@code http.server.requests} on {@code /actuator/prometheus}) on the API and the pages only.
 * The simulators' calls (this application calling itself in place of outside systems) and the actuator's own (the
 * scrape, the health probes) are read by no one, and an observation costs on every call.
 */
@Configuration(proxyBeanMethods = false)
class RequestObservations {

    private static final String[] UNOBSERVED = {"/sim", "/actuator"};

    @Bean
    ObservationPredicate unreadRequestsUnobserved() {
        return RequestObservations::observed;
    }

    static boolean observed(String name, Observation.Context context) {
        if (context instanceof ServerRequestObservationContext request) {
            String path = pathOf(request.getCarrier());
            for (String prefix : UNOBSERVED) {
                if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String pathOf(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String contextPath = request.getContextPath();
        return uri.startsWith(contextPath) ? uri.substring(contextPath.length()) : uri;
    }
}
