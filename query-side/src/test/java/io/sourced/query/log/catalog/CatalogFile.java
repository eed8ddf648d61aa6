package io.sourced.query.log.catalog;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** docs/event-catalog.json at the repository's root: the catalog pretty-printed, the same on every OS. */
final class CatalogFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CatalogFile() {}

    static Path path() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null
                && !(Files.isDirectory(dir.resolve("api")) && Files.isDirectory(dir.resolve("query-side")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "No repository root above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("docs").resolve("event-catalog.json");
    }

    /** The committed catalog; empty when there is none yet. */
    static List<CatalogEntry> read(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return JSON.readValue(file.toFile(), new TypeReference<>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file).replace("\r\n", "\n") : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String render(List<CatalogEntry> entries) {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(
                        Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        try {
            return JSON.writer(printer).writeValueAsString(entries) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, List<CatalogEntry> entries) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, render(entries));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
