package io.sourced.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reader of the lake that reads each visible file the moment the file system says it appeared (the most likely
 * moment to catch a file still being written) and parses every line; what it could not read is a problem.
 * Published files never change, so each is read once. Waits on the file system's events, never spins.
 */
final class LakeReader implements AutoCloseable {

    private final Path lake;
    private final WatchService watcher;
    private final Set<Path> read = new HashSet<>();
    private final Thread thread;
    final Queue<String> problems = new ConcurrentLinkedQueue<>();
    final AtomicInteger filesRead = new AtomicInteger();

    LakeReader(Path lake) {
        this.lake = lake;
        try {
            this.watcher = lake.getFileSystem().newWatchService();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        watch(lake);
        this.thread = new Thread(this::readAsFilesAppear, "lake-reader");
        thread.start();
    }

    private void readAsFilesAppear() {
        try {
            while (true) {
                WatchKey key = watcher.poll(100, TimeUnit.MILLISECONDS);
                if (key != null) {
                    key.pollEvents();
                    watch((Path) key.watchable());
                    key.reset();
                }
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // closed: done
        }
    }

    /** Watches a folder and the folders under it, reading the files they hold now. */
    private void watch(Path folder) {
        try {
            folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
                for (Path entry : entries) {
                    String name = entry.getFileName().toString();
                    if (name.startsWith(".") || name.startsWith("_")) {
                        continue;
                    }
                    if (name.endsWith(".jsonl")) {
                        readOnce(entry);
                    } else if (Files.isDirectory(entry)) {
                        watch(entry);
                    }
                }
            }
        } catch (ClosedWatchServiceException e) {
            throw e;
        } catch (IOException e) {
            problems.add(folder + ": " + e);
        }
    }

    private void readOnce(Path file) {
        if (!read.add(file)) {
            return;
        }
        try {
            List<JsonNode> lines = Lake.lines(file);
            lines.forEach(line -> {
                if (line.path("eventId").asText().isBlank()) {
                    throw new AssertionError("a line without an event id: " + line);
                }
            });
            filesRead.incrementAndGet();
        } catch (RuntimeException | AssertionError e) {
            problems.add(file + ": " + e);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        watcher.close();
        thread.join(TimeUnit.SECONDS.toMillis(30));
    }
}
