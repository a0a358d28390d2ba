package org.sessionrnn.runner;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Keeps two runners out of one experiment folder: an OS file lock on {@code <experimentDir>/.lock}, whose
 * content names the holder ({@code pid=}, {@code started=} the holder process's start time). The OS releases the
 * lock when its holder dies, however it dies, so a lock that can be taken while the file still names a holder was
 * left by a dead process: it is taken over with a message. As a second guard (file systems without working
 * locks) a holder that is still alive, with the same start time so that a reused pid does not count, is refused.
 *
 * <p>The file is emptied, not deleted, on release: deleting it would let a runner waiting on the old file and
 * one creating a new file both believe they hold the lock.
 */
public final class ExperimentLock implements AutoCloseable {
    /** The lock file's name inside the experiment folder. */
    public static final String FILE_NAME = ".lock";

    private final Path dir;
    private final Path file;
    private final boolean createdDir;
    private final FileChannel channel;
    private final FileLock lock;

    private ExperimentLock(Path dir, boolean createdDir, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.file = dir.resolve(FILE_NAME);
        this.createdDir = createdDir;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Checks, writing nothing, that {@code experimentDir} could be locked now: no live runner holds it, and it is
     * a folder or can be created as one (no file in the way, a writable parent). Callers check this before the
     * long work of loading and checking the data, and {@link #acquire} once everything passed.
     *
     * @throws ResultsFolderException naming the folder and the problem
     */
    public static void checkAvailable(Path experimentDir) throws IOException {
        checkCreatable(experimentDir);
        Path file = experimentDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return;
        }
        // opened for writing only because an OS lock needs it; nothing is written, and the file already exists
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = tryLock(channel);
            Optional<Holder> holder = Holder.parse(Files.readString(file, StandardCharsets.UTF_8));
            if (lock == null || holder.filter(Holder::isAlive).isPresent()) {
                throw inUse(experimentDir, file, holder);
            }
            lock.release();
        }
    }

    private static void checkCreatable(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new ResultsFolderException("results folder " + dir + " exists and is not a folder");
        }
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            throw new ResultsFolderException("cannot create results folder " + dir + ": " + existing
                    + " is not a folder");
        }
        if (existing != null && !Files.isWritable(existing)) {
            throw new ResultsFolderException("cannot create results folder " + dir + ": " + existing
                    + " is not writable");
        }
    }

    private static ResultsFolderException inUse(Path experimentDir, Path file, Optional<Holder> holder) {
        return new ResultsFolderException("experiment folder " + experimentDir + " is in use by another runner ("
                + holder.map(Holder::describe).orElse("holder unknown") + "; lock file " + file
                + "). Wait for it to finish or stop it; if no runner is running, delete the lock file.");
    }

    /**
     * Locks {@code experimentDir}, creating it if needed.
     *
     * @throws ResultsFolderException if another live runner holds it or the folder cannot be created
     */
    public static ExperimentLock acquire(Path experimentDir, PrintStream out) throws IOException {
        boolean created = createFolder(experimentDir);
        Path file = experimentDir.resolve(FILE_NAME);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock = tryLock(channel);
        Optional<Holder> holder = Holder.parse(Files.readString(file, StandardCharsets.UTF_8));
        if (lock == null || holder.filter(Holder::isAlive).isPresent()) {
            channel.close();
            throw inUse(experimentDir, file, holder);
        }
        holder.ifPresent(h -> out.println("Taking over a stale lock: " + file + " was held by " + h.describe()
                + ", which is no longer running."));
        ExperimentLock acquired = new ExperimentLock(experimentDir, created, channel, lock);
        acquired.writeContent(Holder.current().text());
        return acquired;
    }

    private static boolean createFolder(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new ResultsFolderException("results folder " + dir + " exists and is not a folder");
        }
        try {
            boolean created = !Files.exists(dir);
            Files.createDirectories(dir);
            return created;
        } catch (IOException e) {
            throw new ResultsFolderException("cannot create results folder " + dir + " (" + e.getMessage() + ")");
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this very JVM (e.g. a second runner started in-process)
        }
    }

    private void writeContent(String text) throws IOException {
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(true);
    }

    /**
     * Releases the lock. A folder this lock created and in which nothing else was written (the run stopped on
     * bad data, say) is removed again, so a failed start leaves no trace.
     */
    @Override
    public void close() throws IOException {
        try {
            writeContent("");
        } finally {
            lock.release();
            channel.close();
        }
        if (createdDir && onlyLockFileLeft()) {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    private boolean onlyLockFileLeft() throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.allMatch(file::equals);
        }
    }

    /** The process named in a lock file. */
    private record Holder(long pid, String started) {
        static Holder current() {
            ProcessHandle self = ProcessHandle.current();
            return new Holder(self.pid(), startOf(self));
        }

        static Optional<Holder> parse(String text) {
            String pid = field(text, "pid");
            if (pid == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Holder(Long.parseLong(pid), field(text, "started")));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        private static String field(String text, String key) {
            return text.lines().filter(l -> l.startsWith(key + "=")).map(l -> l.substring(key.length() + 1))
                    .findFirst().orElse(null);
        }

        private static String startOf(ProcessHandle p) {
            return p.info().startInstant().map(Instant::toString).orElse("unknown");
        }

        /** Alive and the same process (not a reuse of its pid), and not this process. */
        boolean isAlive() {
            if (pid == ProcessHandle.current().pid()) {
                return false;
            }
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .map(p -> started == null || "unknown".equals(started) || started.equals(startOf(p)))
                    .orElse(false);
        }

        String describe() {
            return "pid " + pid + ", started " + started;
        }

        String text() {
            return "pid=" + pid + "\nstarted=" + started + "\nlocked_at=" + Instant.now() + "\n";
        }
    }
}
