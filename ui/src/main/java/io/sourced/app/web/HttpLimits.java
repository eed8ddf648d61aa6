package io.sourced.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/** The request size limit, {@code sourced.http.max-body}, ahead of every other filter. */
@Configuration(proxyBeanMethods = false)
class HttpLimits {

    @Bean
    FilterRegistrationBean<BodySizeLimit> bodySizeLimit(@Value("${sourced.http.max-body:64KB}") DataSize maxBody,
                                                        ObjectMapper objectMapper) {
        FilterRegistrationBean<BodySizeLimit> registration =
                new FilterRegistrationBean<>(new BodySizeLimit(maxBody, objectMapper));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
