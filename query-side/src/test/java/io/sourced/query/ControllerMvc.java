package io.sourced.query;

import com.fasterxml.jackson.databind.SerializationFeature;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** A MockMvc around one controller, with JSON written as the application writes it (ISO-8601 instants). */
public final class ControllerMvc {

    private ControllerMvc() {}

    public static MockMvc of(Object controller, CallerArgumentResolver callers) {
        return MockMvcBuilders.standaloneSetup(controller)
                .setCustomArgumentResolvers(callers)
                .setMessageConverters(new MappingJackson2HttpMessageConverter(Jackson2ObjectMapperBuilder.json()
                        .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                        .build()))
                .build();
    }
}
