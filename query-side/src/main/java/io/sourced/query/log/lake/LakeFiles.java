package io.sourced.query.log.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The lake's folder. A file is written whole as its hidden staged twin, forced to disk, and then renamed into place
 * atomically ({@link #publish}), so a reader never sees a file half-written. Which staged files go into place and
 * which published ones stay is the ledger's to say ({@link #settle}, {@link #reconcile}): callers hold the ledger's
 * lock meanwhile. Operations on the folder are serialized within this process.
 */
class LakeFiles {

    /** What a settlement or a reconciliation did, and the recorded files it found nowhere. */
    record Reconciliation(List<String> published, List<String> deleted, List<String> missing) {

        boolean changedNothing() {
            return published.isEmpty() && deleted.isEmpty() && missing.isEmpty();
        }
    }

    private final Path root;

    LakeFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    /** Writes a file's staged twin, whole and forced to disk; readers do not see it. */
    synchronized void stage(String file, byte[] content) {
        write(resolve(LakeLayout.stagedOf(file)), content);
    }

    /**
     * Renames a file's staged twin into place, replacing a file of the same name. A twin that another replica's
     * reconciliation has renamed already leaves the file in place: nothing to do.
     */
    synchronized void publish(String file) {
        try {
            Files.move(
                    resolve(LakeLayout.stagedOf(file)),
                    resolve(file),
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (NoSuchFileException e) {
            if (!Files.isRegularFile(resolve(file))) {
                throw new UncheckedIOException("Cannot publish lake file " + file + ": it is not staged", e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot publish lake file " + file, e);
        }
    }

    /** The published files, relative to the lake, sorted. */
    synchronized List<String> published() {
        return list().stream().filter(LakeLayout::isPublished).sorted().toList();
    }

    /** The files that have a staged twin, relative to the lake, sorted. */
    synchronized List<String> staged() {
        return list().stream()
                .flatMap(name -> LakeLayout.fileOfStaged(name).stream())
                .sorted()
                .toList();
    }

    /**
     * Settles these files' staged twins by the ledger, which the caller has locked (no transaction that could still
     * record one of them is open): a recorded file is published (its batch committed), the twin of one not recorded
     * is deleted (its batch rolled back; its events come again). A file whose twin is gone is left as it is.
     */
    synchronized Reconciliation settle(Collection<String> files, Set<String> recorded) {
        List<String> published = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String file : files.stream().sorted().distinct().toList()) {
            boolean twin = Files.exists(resolve(LakeLayout.stagedOf(file)));
            if (twin && recorded.contains(file)) {
                publish(file);
                published.add(file);
            } else if (twin) {
                deleteIfExists(resolve(LakeLayout.stagedOf(file)));
                deleted.add(LakeLayout.stagedOf(file));
            } else if (recorded.contains(file) && !Files.isRegularFile(resolve(file))) {
                missing.add(file);
            }
        }
        return new Reconciliation(published, deleted, missing);
    }

    /**
     * Makes the folder hold exactly the recorded files, as far as it can, by the ledger the caller has locked: every
     * staged twin is settled ({@link #settle}), a published file not recorded is deleted (left from before a
     * replay), and a recorded file found nowhere is reported missing (its events are not in the lake until a
     * replay).
     */
    synchronized Reconciliation reconcile(Set<String> recorded) {
        Reconciliation settled = settle(staged(), recorded);
        List<String> deleted = new ArrayList<>(settled.deleted());
        List<String> present = published();
        for (String file : present) {
            if (!recorded.contains(file)) {
                deleteIfExists(resolve(file));
                deleted.add(file);
            }
        }
        if (!deleted.isEmpty()) {
            deleteEmptyFolders();
        }
        List<String> missing = recorded.stream()
                .filter(file -> !present.contains(file))
                .sorted()
                .toList();
        return new Reconciliation(settled.published(), deleted, missing);
    }

    /** The id in the folder's marker, if it has one. */
    synchronized Optional<String> marker() {
        try {
            return Optional.of(Files.readString(resolve(LakeLayout.MARKER), StandardCharsets.UTF_8)
                            .trim())
                    .filter(id -> !id.isEmpty());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the lake's marker in " + root, e);
        }
    }

    /** Writes the folder's marker, creating the folder when needed. */
    synchronized void mark(String id) {
        Path staged = resolve("." + LakeLayout.MARKER + ".tmp");
        write(staged, (id + "\n").getBytes(StandardCharsets.UTF_8));
        try {
            Files.move(
                    staged,
                    resolve(LakeLayout.MARKER),
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the lake's marker in " + root, e);
        }
    }

    private static void write(Path path, byte[] content) {
        try {
            Files.createDirectories(path.getParent());
            try (FileChannel channel = FileChannel.open(
                    path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + path, e);
        }
    }

    private List<String> list() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).map(this::relative).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the lake " + root, e);
        }
    }

    private void deleteEmptyFolders() {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path folder : paths.filter(Files::isDirectory)
                    .filter(path -> !path.equals(root))
                    .sorted(Comparator.reverseOrder())
                    .toList()) {
                try {
                    Files.deleteIfExists(folder);
                } catch (DirectoryNotEmptyException e) {
                    // still holds files: kept
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot tidy the lake " + root, e);
        }
    }

    private static void deleteIfExists(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + path, e);
        }
    }

    private Path resolve(String relative) {
        return root.resolve(relative);
    }

    private String relative(Path path) {
        return root.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/");
    }
}
