package io.sourced.query.log.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The lake's folder. A file is written whole as its hidden staged twin, forced to disk, and then renamed into place
 * atomically ({@link #publish}), so a reader never sees a file half-written. Operations on the folder are
 * serialized. Which files belong in the lake is the ledger's to say (see {@link #reconcile}).
 */
class LakeFiles {

    /** What a reconciliation did. */
    record Reconciliation(List<String> published, List<String> deleted, List<String> missing) {}

    private final Path root;

    LakeFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    /** Writes a file's staged twin, whole and forced to disk; readers do not see it. */
    synchronized void stage(String file, byte[] content) {
        Path staged = resolve(LakeLayout.stagedOf(file));
        try {
            Files.createDirectories(staged.getParent());
            try (FileChannel channel = FileChannel.open(
                    staged,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stage lake file " + file, e);
        }
    }

    /**
     * Puts a file in place with the given content, atomically: renames its staged twin, or stages it anew first
     * when the twin is gone. Replaces a file of the same name.
     */
    synchronized void publish(String file, byte[] content) {
        if (!Files.exists(resolve(LakeLayout.stagedOf(file)))) {
            stage(file, content);
        }
        publishStaged(file);
    }

    /** Removes a file's staged twin, if any (its rows were rolled back). */
    synchronized void discard(String file) {
        deleteIfExists(resolve(LakeLayout.stagedOf(file)));
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
     * Makes the folder hold exactly the recorded files, as far as it can: a staged file that is recorded (its
     * transaction committed before it could be published) is published; a staged one that is not (its transaction
     * never committed) is deleted, and so is a published one that is not (left from before a replay). A recorded
     * file found nowhere is reported missing: its events are not in the lake until a replay.
     */
    synchronized Reconciliation reconcile(Set<String> recorded) {
        List<String> published = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        for (String file : staged()) {
            if (recorded.contains(file)) {
                publishStaged(file);
                published.add(file);
            } else {
                deleteIfExists(resolve(LakeLayout.stagedOf(file)));
                deleted.add(LakeLayout.stagedOf(file));
            }
        }
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
        return new Reconciliation(published, deleted, missing);
    }

    private void publishStaged(String file) {
        Path target = resolve(file);
        try {
            Files.move(
                    resolve(LakeLayout.stagedOf(file)),
                    target,
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot publish lake file " + file, e);
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
        } catch (NoSuchFileException e) {
            // gone already
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
