package io.payreports.sinks;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;
import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file of the dead letters written under a hidden {@code .name.part} beside its final name and published by an
 * atomic rename: consumers watching the directory see the whole file or nothing, and a replay
 * replaces the earlier file instead of adding a second one.
 */
final class PartFile {

    private static final Logger LOG = LoggerFactory.getLogger(PartFile.class);

    /** Reports carry payment data: owner may write, group may read, others nothing. */
    private static final FileAttribute<?> OWNER_RW_GROUP_R =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r-----"));

    private final Path target;
    private final Path part;
    private final FileChannel channel;

    private PartFile(Path target, Path part, FileChannel channel) {
        this.target = target;
        this.part = part;
        this.channel = channel;
    }

    static PartFile create(Path target) throws IOException {
        Path part = target.resolveSibling("." + target.getFileName() + ".part");
        Files.deleteIfExists(part); // left behind by a run that crashed before commit
        FileAttribute<?>[] attributes =
                isPosix(target) ? new FileAttribute<?>[] {OWNER_RW_GROUP_R} : new FileAttribute<?>[0];
        return new PartFile(target, part, FileChannel.open(part, Set.of(CREATE_NEW, WRITE), attributes));
    }

    /** Unbuffered; encoders buffer themselves. Closing it closes the file. */
    OutputStream output() {
        return Channels.newOutputStream(channel);
    }

    /** Forces written bytes to the disk; call after the encoder flushed and before it closes the stream. */
    void sync() throws IOException {
        channel.force(true);
    }

    /** Renames the synced file to its final name, then syncs the directory so the rename survives a crash. */
    void publish() throws IOException {
        channel.close();
        Files.move(part, target, ATOMIC_MOVE, REPLACE_EXISTING);
        if (isPosix(target)) {
            try (FileChannel directory = FileChannel.open(target.getParent(), READ)) {
                directory.force(true);
            }
        }
    }

    /** Drops the unpublished file. Never throws: it runs on paths that are already failing. */
    void discard() {
        try {
            channel.close();
            Files.deleteIfExists(part);
        } catch (IOException e) {
            LOG.warn("Could not delete unfinished file {}: {}", part, e.toString());
        }
    }

    Path target() {
        return target;
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
