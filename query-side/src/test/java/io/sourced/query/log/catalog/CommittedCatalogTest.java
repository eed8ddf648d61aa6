package io.sourced.query.log.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/event-catalog.json is the events' published description. When it differs from the code, either an
 * event changed shape without a new revision (a broken public interface: the versioning message says so), or
 * the file is merely behind, and {@code -Dsourced.catalog.write=true} rewrites it.
 */
class CommittedCatalogTest {

    static final String WRITE = "sourced.catalog.write";
    private static final String REGENERATE = "docs/event-catalog.json is behind the events; review the change, then "
            + "regenerate it with: ./mvnw -pl query-side -am test -Dtest=CommittedCatalogTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -D" + WRITE + "=true";

    @Test
    void committedCatalog_matchesTheEvents_andEveryShapeChangeHasANewRevision() {
        Path file = CatalogFile.path();
        List<CatalogEntry> current = new EventCatalog().entries();

        assertThat(CatalogCheck.violations(CatalogFile.read(file), current))
                .as("Events are a public interface: stored events keep their old shape forever")
                .isEmpty();
        if (Boolean.getBoolean(WRITE)) {
            CatalogFile.write(file, current);
        }
        assertThat(CatalogFile.text(file)).as(REGENERATE).isEqualTo(CatalogFile.render(current));
    }
}
