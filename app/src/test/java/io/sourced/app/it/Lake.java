package io.sourced.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The data lake as a reader sees it: every visible {@code *.jsonl} file under its folder (names starting with a dot
 * or an underscore are not the lake's), each line parsed as JSON. Reading fails on a file that does not end with a
 * whole line or on a line that is not JSON.
 */
record Lake(Map<String, List<JsonNode>> files) {

    static Lake read(Path folder) {
        Map<String, List<JsonNode>> files = new TreeMap<>();
        for (Path file : visibleFiles(folder)) {
            files.put(folder.relativize(file).toString().replace('\\', '/'), lines(file));
        }
        return new Lake(files);
    }

    /** Lists by name only (no attributes), so a hidden file renamed meanwhile does not disturb the listing. */
    static List<Path> visibleFiles(Path folder) {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return found;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith(".") || name.startsWith("_")) {
                    continue;
                }
                if (name.endsWith(".jsonl")) {
                    found.add(entry);
                } else if (Files.isDirectory(entry)) {
                    found.addAll(visibleFiles(entry));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    static List<JsonNode> lines(Path file) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (content.isEmpty() || !content.endsWith("\n")) {
            throw new AssertionError(file + " does not end with a whole line: " + content);
        }
        return content.lines().map(Api::readTree).toList();
    }

    /**
     * The lake as DuckDB reads it, with the query of docs/operations.md (every {@code *.jsonl} under the folder, day
     * and type from the folder names): each event id with the positions of the lines that hold it.
     */
    static Map<String, List<Long>> positionsByIdAsDuckDbReadsThem(Path folder) {
        String files = folder.toAbsolutePath().toString().replace("'", "''") + "/**/*.jsonl";
        Map<String, List<Long>> positions = new TreeMap<>();
        try (Connection duckDb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckDb.createStatement();
                ResultSet lines = statement.executeQuery("SELECT eventId, position, type, day FROM read_json_auto('"
                        + files + "', hive_partitioning = true)")) {
            while (lines.next()) {
                positions
                        .computeIfAbsent(lines.getString(1), id -> new ArrayList<>())
                        .add(lines.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB could not read the lake " + folder, e);
        }
        return positions;
    }

    List<JsonNode> events() {
        return files.values().stream().flatMap(List::stream).toList();
    }

    /** Each event id with every position it was written at (once, if the lake is right). */
    Map<String, List<Long>> positionsById() {
        Map<String, List<Long>> positions = new LinkedHashMap<>();
        events().forEach(event -> positions
                .computeIfAbsent(event.path("eventId").asText(), id -> new ArrayList<>())
                .add(event.path("position").asLong()));
        return positions;
    }
}
