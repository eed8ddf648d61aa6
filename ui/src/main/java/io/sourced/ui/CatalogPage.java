package io.sourced.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sourced.api.catalog.EventSchema;
import io.sourced.api.catalog.FindEventCatalogQuery;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The event catalog (ADMIN): each event type, its revision and the JSON Schema of its payload. */
@Controller
class CatalogPage extends Pages {

    /** One event type as the page shows it, the schema already written out. */
    record Entry(String type, String revision, String schema) {}

    private final QueryGateway queries;
    private final ObjectMapper json;

    CatalogPage(QueryGateway queries, ObjectMapper json) {
        this.queries = queries;
        this.json = json;
    }

    @GetMapping("/admin/catalog")
    String catalog(Model model) {
        List<Entry> entries = queries
                .query(new FindEventCatalogQuery(), ResponseTypes.multipleInstancesOf(EventSchema.class))
                .join()
                .stream()
                .map(entry -> new Entry(entry.type(), entry.revision(), pretty(entry.schema())))
                .toList();
        model.addAttribute("entries", entries);
        return "admin/catalog";
    }

    private String pretty(String schema) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(schema));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An event's schema is not JSON", e);
        }
    }
}
