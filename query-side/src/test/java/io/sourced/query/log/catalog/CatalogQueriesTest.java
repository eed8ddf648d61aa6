package io.sourced.query.log.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sourced.api.catalog.EventSchema;
import io.sourced.api.catalog.FindEventCatalogQuery;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogQueriesTest {

    @Test
    void catalog_answersEveryEventTypeWithItsRevisionAndSchema_asTheApiGivesThem() throws Exception {
        EventCatalog catalog = new EventCatalog();
        List<EventSchema> answered = new CatalogQueries(catalog).handle(new FindEventCatalogQuery());

        List<CatalogEntry> entries = catalog.entries();
        assertThat(answered)
                .extracting(EventSchema::type)
                .containsExactlyElementsOf(
                        entries.stream().map(CatalogEntry::type).toList());
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < entries.size(); i++) {
            assertThat(answered.get(i).revision()).isEqualTo(entries.get(i).revision());
            assertThat(json.readTree(answered.get(i).schema()))
                    .isEqualTo(entries.get(i).schema());
        }
    }
}
