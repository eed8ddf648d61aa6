package io.sourced.query.log.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The events' documentation, open to every signed-in user; also committed as docs/event-catalog.json. */
@RestController
@RequestMapping("/api/catalog")
@Tag(name = "Event catalog")
class CatalogController {

    private final EventCatalog catalog;

    CatalogController(EventCatalog catalog) {
        this.catalog = catalog;
    }

    @Operation(
            summary = "Every event type with its current revision and the JSON Schema (draft 2020-12) of its "
                    + "payload, by type")
    @GetMapping
    List<CatalogEntry> catalog() {
        return catalog.entries();
    }
}
