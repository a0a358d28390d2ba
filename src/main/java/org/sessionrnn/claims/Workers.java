package org.sessionrnn.claims;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The workers on one experiment folder, one file each in {@code <experimentDir>/workers/}, refreshed by the
 * worker's {@link Heartbeat}. Registering checks that the newcomer fits with every live worker:
 * <ul>
 *   <li>an unsharded runner (the whole grid in one process) wants the folder to itself: it is refused while any
 *       other live worker is registered, and a shard worker is refused while an unsharded runner is;</li>
 *   <li>shard workers share the folder only if they run the same resolved spec split into the same number of
 *       shards, since otherwise their assignments would overlap or leave runs out.</li>
 * </ul>
 * Files of dead workers (known dead on this host, or silent for longer than the staleness timeout) are removed with
 * a message. This replaces a whole-folder lock: the claims ({@link ClaimBoard}) keep workers off each other's runs.
 */
public final class Workers implements AutoCloseable {
    /** The workers folder inside the experiment folder. */
    public static final String FOLDER = "workers";
    private static final String SUFFIX = ".worker";

    private final Path experimentDir;
    private final Path file;
    private final List<Path> created;

    /**
     * A registered worker as its file describes it.
     *
     * @param id        who
     * @param shard     its shard; {@link Shard#ALL} for an unsharded runner
     * @param specHash  the hash of the resolved spec it runs
     * @param steal     whether it takes unclaimed runs of other shards when done with its own
     * @param since     when it registered
     * @param heartbeat its last heartbeat
     * @param file      its file
     */
    public record Worker(WorkerId id, Shard shard, String specHash, boolean steal, Instant since, Instant heartbeat,
                         Path file) {
        /** {@code host:pid, shard I/N, since T}, for messages. */
        public String describe() {
            return id.label() + ", " + (shard.isAll() ? "the whole grid" : "shard " + shard) + ", since " + since;
        }
    }

    private Workers(Path experimentDir, Path file, List<Path> created) {
        this.experimentDir = experimentDir;
        this.file = file;
        this.created = created;
    }

    /**
     * Checks, writing nothing, that a worker of {@code shard} could register on {@code experimentDir} now: the
     * folder is one or can be created as one (no file in the way, a writable parent), and no live worker
     * conflicts (stopped workers are ignored here; {@link #register} removes their files). The runner calls this
     * before the long work of loading and checking the data, and {@link #register} once everything passed.
     *
     * @throws ClaimException naming the folder or the conflicting worker
     */
    public static void checkAvailable(Path experimentDir, Shard shard, String specHash, Duration staleAfter) {
        checkCreatable(experimentDir);
        try {
            for (Worker other : list(experimentDir)) {
                if (!isStale(other, staleAfter)) {
                    conflict(experimentDir, shard, specHash, other).ifPresent(message -> {
                        throw new ClaimException(message);
                    });
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new ClaimException("cannot read the workers of " + experimentDir + " (" + e.getMessage() + ")");
        }
    }

    /** The folder, or its nearest existing ancestor, must be a writable folder. */
    private static void checkCreatable(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new ClaimException("results folder " + dir + " exists and is not a folder");
        }
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        if (!Files.isDirectory(existing)) {
            throw new ClaimException("cannot create results folder " + dir + ": " + existing + " is not a folder");
        }
        if (!Files.isWritable(existing)) {
            throw new ClaimException("cannot create results folder " + dir + ": " + existing + " is not writable");
        }
    }

    /**
     * Registers {@code me} on {@code experimentDir} (created if needed) after checking that claims can be made
     * there and that no live worker conflicts.
     *
     * @throws ClaimException naming the conflicting worker or the file system problem; nothing is left written
     */
    public static Workers register(Path experimentDir, WorkerId me, Shard shard, String specHash, boolean steal,
                                   Duration staleAfter, Heartbeat heartbeat, PrintStream out) {
        Path dir = experimentDir.resolve(FOLDER);
        Path claims = experimentDir.resolve(ClaimBoard.FOLDER);
        List<Path> created = new ArrayList<>();
        for (Path p : List.of(experimentDir, claims, dir)) {
            if (!Files.exists(p)) {
                created.add(p);
            }
        }
        createFolder(experimentDir);
        Path mine = dir.resolve(me.host() + "-" + me.pid() + "-" + me.token() + SUFFIX);
        Workers workers = new Workers(experimentDir, mine, created);
        try {
            ClaimBoard.checkAtomic(claims, me);
            Files.createDirectories(dir);
            Files.writeString(mine, KeyValues.format(fields(me, shard, specHash, steal)), StandardCharsets.UTF_8);
            for (Worker other : list(experimentDir)) {
                if (other.file().equals(mine)) {
                    continue;
                }
                if (isStale(other, staleAfter)) {
                    out.println("Removing the registration of a stopped worker (" + other.describe()
                            + "): it is no longer running.");
                    Files.deleteIfExists(other.file());
                    continue;
                }
                conflict(experimentDir, shard, specHash, other).ifPresent(message -> {
                    throw new ClaimException(message);
                });
            }
        } catch (IOException | RuntimeException e) {
            try {
                workers.close();
            } catch (IOException | RuntimeException ignored) {
                // the first problem is the one to report
            }
            if (e instanceof ClaimException c) {
                throw c;
            }
            throw new ClaimException("cannot register a worker in " + experimentDir + " (" + e.getMessage() + ")");
        }
        heartbeat.add(workers::refresh);
        return workers;
    }

    private static Optional<String> conflict(Path experimentDir, Shard shard, String specHash, Worker other) {
        if (shard.isAll() || other.shard().isAll()) {
            return Optional.of("experiment folder " + experimentDir + " is in use by another runner ("
                    + other.describe() + "; worker file " + other.file() + "). "
                    + (shard.isAll() ? "Wait for it to finish or stop it, or run as a shard of the same grid; "
                    : "An unsharded runner has the folder to itself: wait for it or stop it; ")
                    + "if no runner is running, delete that file.");
        }
        if (!other.specHash().equals(specHash)) {
            return Optional.of("experiment folder " + experimentDir + " is used by a worker running a different "
                    + "spec (" + other.describe() + ", spec hash " + other.specHash() + ", this spec " + specHash
                    + "): every shard of a grid must run the same spec with the same --set overrides");
        }
        if (other.shard().count() != shard.count()) {
            return Optional.of("experiment folder " + experimentDir + " is used by a worker of a grid split into "
                    + other.shard().count() + " shards (" + other.describe() + "), this worker says "
                    + shard.count() + ": every shard of a grid must use the same N in --shard I/N");
        }
        return Optional.empty();
    }

    private static Map<String, String> fields(WorkerId me, Shard shard, String specHash, boolean steal) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("worker", me.token());
        f.put("host", me.host());
        f.put("pid", Long.toString(me.pid()));
        f.put("started", me.started());
        f.put("shard", shard.toString());
        f.put("spec_hash", specHash);
        f.put("steal", Boolean.toString(steal));
        f.put("since", Instant.now().toString());
        return f;
    }

    private static void createFolder(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new ClaimException("results folder " + dir + " exists and is not a folder");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ClaimException("cannot create results folder " + dir + " (" + e.getMessage() + ")");
        }
    }

    /** Whether {@code w} has stopped: known dead on this host, or no heartbeat for longer than staleAfter. */
    public static boolean isStale(Worker w, Duration staleAfter) {
        return w.id().knownDead() || Duration.between(w.heartbeat(), Instant.now()).compareTo(staleAfter) > 0;
    }

    /**
     * A live worker of {@code experimentDir} other than {@code except} that may still run {@code runId}, which
     * nobody holds now: one whose shard owns it, or one that takes other shards' unclaimed runs when done with its
     * own. Empty when there is none: then nobody will run it unless a runner is started again.
     *
     * @param allRunIds every run id of the grid, which decides the shards' runs
     */
    public static Optional<Worker> mayRun(Path experimentDir, String runId, List<String> allRunIds, WorkerId except,
                                          Duration staleAfter) throws IOException {
        return list(experimentDir).stream()
                .filter(w -> !w.id().token().equals(except.token()) && !isStale(w, staleAfter))
                .filter(w -> w.steal() || w.shard().owns(runId, allRunIds))
                .findFirst();
    }

    /** Every readable worker file of {@code experimentDir}. */
    public static List<Worker> list(Path experimentDir) throws IOException {
        Path dir = experimentDir.resolve(FOLDER);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Worker> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList()) {
                read(f).ifPresent(all::add);
            }
        }
        return all;
    }

    private static Optional<Worker> read(Path f) {
        try {
            Instant heartbeat = Files.getLastModifiedTime(f).toInstant();
            Map<String, String> v = KeyValues.parse(Files.readString(f, StandardCharsets.UTF_8));
            WorkerId id = new WorkerId(v.get("host"), Long.parseLong(v.get("pid")), v.get("started"), v.get("worker"));
            return Optional.of(new Worker(id, Shard.parse(v.get("shard")), v.get("spec_hash"),
                    Boolean.parseBoolean(v.get("steal")), Instant.parse(v.get("since")), heartbeat, f));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            return Optional.empty(); // half-written by a worker registering right now
        }
    }

    private void refresh() {
        try {
            if (Files.exists(file)) {
                Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Unregisters. Folders the registration created are removed again while nothing was written in the
     * experiment folder (no {@code runs/}: the start failed on bad data, say), so a failed start leaves no trace.
     */
    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
        if (Files.exists(experimentDir.resolve("runs"))) {
            return;
        }
        for (int i = created.size() - 1; i >= 0; i--) {
            Path d = created.get(i);
            if (Files.isDirectory(d) && isEmpty(d)) {
                Files.deleteIfExists(d);
            }
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
