package org.sessionrnn.claims;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The claims of one experiment folder ({@code <experimentDir>/claims/<name>.claim}), seen by one worker.
 *
 * <p>A claim is made with a hard link from a complete temporary file to the claim's name: the link fails if the
 * name exists, so exactly one worker gets it, and nobody ever reads a half-written claim. The holder's
 * {@link Heartbeat} refreshes the file's modification time. A claim is stale when its holder is known dead (same
 * host, process gone) or has not refreshed it for {@code staleAfter}; a stale claim is taken over by renaming it
 * away (one rename wins) and claiming afresh. A taker that finds it renamed a claim newer than the one it judged
 * stale links it back. A holder whose claim was taken over notices at its next heartbeat ({@link #isLost}).
 */
public final class ClaimBoard implements AutoCloseable {
    /** The claims folder inside the experiment folder. */
    public static final String FOLDER = "claims";
    static final String SUFFIX = ".claim";
    private static final Duration REPORT_EVERY = Duration.ofSeconds(30);

    private final Path dir;
    private final WorkerId me;
    private final String shard;
    private final Duration staleAfter;
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final Set<String> lost = ConcurrentHashMap.newKeySet();

    /**
     * The result of trying to claim.
     *
     * @param acquired  whether this worker now holds the claim
     * @param other     if acquired: the stale claim taken over (null if there was none); otherwise the live holder
     *                  (null if unknown)
     */
    public record Attempt(boolean acquired, Claim other) {
    }

    /**
     * @param experimentDir the experiment folder (its claims folder is created if needed)
     * @param me            this worker
     * @param shard         this worker's shard, written into its claims
     * @param staleAfter    how long without a heartbeat makes a claim stale
     * @param heartbeat     refreshes the claims this board holds
     */
    public ClaimBoard(Path experimentDir, WorkerId me, Shard shard, Duration staleAfter, Heartbeat heartbeat)
            throws IOException {
        this.dir = experimentDir.resolve(FOLDER);
        this.me = me;
        this.shard = shard.toString();
        this.staleAfter = staleAfter;
        Files.createDirectories(dir);
        heartbeat.add(this::refresh);
    }

    /**
     * Checks that claims can be made atomically in {@code claimsDir}: a hard link to an existing name must fail,
     * and a rename must be atomic. The probe files are removed again.
     *
     * @throws ClaimException naming the folder and what failed
     */
    public static void checkAtomic(Path claimsDir, WorkerId me) {
        Path probe = claimsDir.resolve(".probe-" + me.token());
        Path link = claimsDir.resolve(".probe-" + me.token() + SUFFIX);
        Path moved = claimsDir.resolve(".probe-" + me.token() + ".moved");
        try {
            Files.createDirectories(claimsDir);
            Files.writeString(probe, "probe\n");
            Files.createLink(link, probe);
            try {
                Files.createLink(link, probe);
                throw new ClaimException("cannot make claims atomically in " + claimsDir
                        + ": creating an existing name did not fail; use a POSIX file system (NFS, Lustre, GPFS, "
                        + "CephFS, local disk) for the results folder");
            } catch (FileAlreadyExistsException expected) {
                // create-if-absent works
            }
            Files.move(link, moved, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UnsupportedOperationException e) {
            throw new ClaimException("cannot make claims atomically in " + claimsDir + " (" + describe(e)
                    + "); the results folder must be on a file system with hard links and atomic renames");
        } finally {
            for (Path p : List.of(probe, link, moved)) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort; a probe file changes nothing
                }
            }
        }
    }

    private static String describe(Exception e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /** Tries once to claim {@code name}, taking over a stale claim. */
    public Attempt tryClaim(String name) throws IOException {
        Claim takenOver = null;
        Path file = file(name);
        for (int attempt = 0; attempt < 5; attempt++) {
            if (create(file, name)) {
                held.add(name);
                lost.remove(name);
                return new Attempt(true, takenOver);
            }
            Optional<Claim> current = read(file);
            if (current.isEmpty()) {
                continue; // released or taken over between our link and our read: try again
            }
            Claim c = current.get();
            if (c.holder().token().equals(me.token())) {
                held.add(name);
                return new Attempt(true, null);
            }
            if (!isStale(c, staleAfter)) {
                return new Attempt(false, c);
            }
            if (takeOver(file, c)) {
                takenOver = c;
            }
        }
        return new Attempt(false, read(file).orElse(null));
    }

    /**
     * Claims {@code name}, waiting while a live worker holds it. Returns empty without claiming when
     * {@code done} becomes true (the holder finished the work) or {@code stop} does (Ctrl-C).
     *
     * @param waiting told who holds the claim, at the start of the wait and every 30 seconds
     */
    public Optional<Attempt> claimOrWait(String name, BooleanSupplier done, BooleanSupplier stop,
                                         Consumer<Claim> waiting, Duration poll) throws IOException {
        Instant reported = Instant.EPOCH;
        while (!done.getAsBoolean() && !stop.getAsBoolean()) {
            Attempt a = tryClaim(name);
            if (a.acquired()) {
                return Optional.of(a);
            }
            if (a.other() != null && Duration.between(reported, Instant.now()).compareTo(REPORT_EVERY) >= 0) {
                waiting.accept(a.other());
                reported = Instant.now();
            }
            sleep(poll);
        }
        return Optional.empty();
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Releases {@code name} if this worker still holds it. */
    public void release(String name) throws IOException {
        held.remove(name);
        Path file = file(name);
        Optional<Claim> c = read(file);
        if (c.isPresent() && c.get().holder().token().equals(me.token())) {
            Files.deleteIfExists(file);
        }
    }

    /**
     * Whether this worker still holds {@code name}, read from its claim file now rather than known from the last
     * heartbeat: for a holder about to write what the claim protects, which may have been paused long enough to be
     * taken over. A claim found taken over counts as lost from then on ({@link #isLost}).
     */
    public boolean confirm(String name) {
        Optional<Claim> c = read(file(name));
        if (c.isPresent() && c.get().holder().token().equals(me.token())) {
            return true;
        }
        held.remove(name);
        lost.add(name);
        return false;
    }

    /** Whether another worker took over {@code name} from this one (it stopped heartbeating long enough). */
    public boolean isLost(String name) {
        return lost.contains(name);
    }

    /** The claim on {@code name} of a worker that is alive (not stale), if any: work in progress elsewhere. */
    public Optional<Claim> live(String name) {
        return current(name).filter(c -> !isStale(c, staleAfter));
    }

    /** This board's worker. */
    public WorkerId me() {
        return me;
    }

    /** How long without a heartbeat makes a claim, or a worker, stale. */
    public Duration staleAfter() {
        return staleAfter;
    }

    /** The current claim on {@code name}, if any. */
    public Optional<Claim> current(String name) {
        return read(file(name));
    }

    /**
     * The claim on {@code name} in {@code experimentDir}, if any, read without joining the board: for a worker
     * that has not registered yet and must keep off the runs of live workers. Empty, too, when the claims folder
     * cannot be read: registering, which comes next, names that problem.
     */
    public static Optional<Claim> claimOn(Path experimentDir, String name) {
        Path claims = experimentDir.resolve(FOLDER);
        try {
            return Files.isDirectory(claims) ? read(claims.resolve(name + SUFFIX)) : Optional.empty();
        } catch (UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code c} may be taken over: its holder is known dead or silent for longer than staleAfter. */
    public static boolean isStale(Claim c, Duration staleAfter) {
        return c.holder().knownDead() || Duration.between(c.heartbeat(), Instant.now()).compareTo(staleAfter) > 0;
    }

    /** Every readable claim in {@code experimentDir}, for status reports. */
    public static List<Claim> readAll(Path experimentDir) throws IOException {
        Path claims = experimentDir.resolve(FOLDER);
        if (!Files.isDirectory(claims)) {
            return List.of();
        }
        List<Claim> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(claims)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)
                    && !f.getFileName().toString().startsWith(".")).sorted().toList()) {
                read(f).ifPresent(all::add);
            }
        }
        return all;
    }

    private Path file(String name) {
        return dir.resolve(name + SUFFIX);
    }

    /** Links a complete temporary claim file to {@code file}; false if the name exists. */
    private boolean create(Path file, String name) throws IOException {
        Path temp = dir.resolve("." + name + "." + me.token() + ".tmp");
        Instant now = Instant.now();
        Files.writeString(temp, KeyValues.format(new Claim(name, me, shard, now, now).fields()),
                StandardCharsets.UTF_8);
        try {
            Files.createLink(file, temp);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Renames a stale claim away (one taker wins); false if it was gone or had been renewed meanwhile. */
    private boolean takeOver(Path file, Claim stale) throws IOException {
        Path moved = dir.resolve("." + stale.name() + ".takeover-" + me.token());
        try {
            Files.move(file, moved, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            return false;
        }
        Optional<Claim> what = read(moved);
        if (what.isPresent() && !what.get().holder().token().equals(stale.holder().token())) {
            try {
                Files.createLink(file, moved); // a newer claim than the stale one we saw: put it back
            } catch (FileAlreadyExistsException e) {
                // someone claimed meanwhile; theirs stands
            }
            Files.deleteIfExists(moved);
            return false;
        }
        Files.deleteIfExists(moved);
        return true;
    }

    static Optional<Claim> read(Path file) {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            return Claim.parse(Files.readString(file, StandardCharsets.UTF_8), modified.toInstant());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The heartbeat: refreshes every claim still ours, notes those taken over. */
    private void refresh() {
        for (String name : held) {
            Path file = file(name);
            Optional<Claim> c = read(file);
            if (c.isPresent() && c.get().holder().token().equals(me.token())) {
                try {
                    Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                held.remove(name);
                lost.add(name);
            }
        }
    }

    /** Releases every claim this worker still holds (an interrupted run stays resumable by whoever claims it). */
    @Override
    public void close() throws IOException {
        for (String name : List.copyOf(held)) {
            release(name);
        }
    }
}
