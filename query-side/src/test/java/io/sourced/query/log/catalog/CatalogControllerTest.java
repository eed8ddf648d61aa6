package io.sourced.query.log.catalog;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sourced.api.finance.CustomerId;
import io.sourced.query.CallerArgumentResolver;
import io.sourced.query.ControllerMvc;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

class CatalogControllerTest {

    @Test
    void getCatalog_answersEveryEventWithItsRevisionAndSchema_toAnySignedInUser() throws Exception {
        CallerArgumentResolver callers = new CallerArgumentResolver();
        callers.signIn(CallerArgumentResolver.customer(CustomerId.random()));
        MockMvc mvc = ControllerMvc.of(new CatalogController(new EventCatalog()), callers);

        mvc.perform(get("/api/catalog"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$[0].type").value("AccountOpenedEvent"))
                .andExpect(jsonPath("$[?(@.type == 'ProductRegisteredEvent')].revision")
                        .value("2"))
                .andExpect(jsonPath("$[?(@.type == 'ProductRegisteredEvent')].schema.properties.category.type")
                        .value("string"))
                .andExpect(jsonPath("$[?(@.type == 'OrderPlacedEvent')].schema.required[0]")
                        .value("orderId"));
    }
}
