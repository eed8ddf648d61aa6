package io.sourced.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestObservationsTest {

    @Test
    void theApiAndThePagesAreObserved() {
        assertThat(observed("", "/api/orders")).isTrue();
        assertThat(observed("", "/orders/1")).isTrue();
        assertThat(observed("", "/")).isTrue();
        assertThat(observed("", "/simple")).isTrue();
        assertThat(observed("", "/api/sim/x")).isTrue();
    }

    @Test
    void theSimulatorsAndTheActuatorAreNot() {
        assertThat(observed("", "/sim/crm/customers/1/tier")).isFalse();
        assertThat(observed("", "/sim/shipping/shipments")).isFalse();
        assertThat(observed("", "/sim")).isFalse();
        assertThat(observed("", "/actuator/prometheus")).isFalse();
        assertThat(observed("", "/actuator/health/readiness")).isFalse();
    }

    @Test
    void pathsAreTakenWithinTheContextPath() {
        assertThat(observed("/shop", "/shop/sim/shipping/shipments")).isFalse();
        assertThat(observed("/shop", "/shop/api/orders")).isTrue();
    }

    @Test
    void otherObservationsAreLeftAlone() {
        assertThat(RequestObservations.observed("jdbc.query", new Observation.Context()))
                .isTrue();
    }

    private static boolean observed(String contextPath, String uri) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
        request.setContextPath(contextPath);
        HttpServletResponse response = new MockHttpServletResponse();
        return RequestObservations.observed(
                "http.server.requests", new ServerRequestObservationContext(request, response));
    }
}
