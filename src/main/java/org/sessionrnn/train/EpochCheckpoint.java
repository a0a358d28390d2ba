package org.sessionrnn.train;

import org.sessionrnn.results.EpochRecord;
import org.sessionrnn.results.ResultsFileException;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sessionrnn.model.SessionModel;
import org.sessionrnn.io.AtomicFiles;
import org.sessionrnn.io.ParserMessages;

/**
 * Saves everything needed to resume training exactly where it stood: the model's variables (optimiser slots
 * included) under a prefix and a small {@link TrainingState} in {@value #STATE_FILE}, written atomically
 * <em>after</em> the variables. It saves after every epoch (prefix {@code epoch-<n>}) and, inside an epoch, at
 * a batch boundary (prefix {@code epoch-<n>-batch-<b>}) once {@code interval} of training has passed since the
 * last save and when a Ctrl-C is honoured, so an interruption loses at most {@code interval} of training (a
 * SIGKILL) or nothing (Ctrl-C). The state file always names a complete checkpoint: a crash while saving leaves
 * it pointing at the previous one, whose files are only deleted once the new state is in place.
 *
 * <p>Must be registered after the {@link EarlyStopping} it reads, so that it records that epoch's decision. An
 * in-epoch checkpoint comes before its epoch's validation, so it records the decision after the previous epoch.
 */
public final class EpochCheckpoint implements TrainingListener {
    /** The trainer state file inside the checkpoints folder. */
    public static final String STATE_FILE = "state.json";
    /** How often an in-epoch checkpoint is saved unless configured otherwise. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(10);
    private static final String PREFIX = "epoch-";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;
    private final EarlyStopping stopping;
    private final List<EpochRecord> history;
    private final long intervalNanos;
    private final Runnable beforeSave;
    private double trainSeconds;
    private String checkpoint;
    private long lastSave;

    /** Saves in-epoch checkpoints every {@link #DEFAULT_INTERVAL}. */
    public EpochCheckpoint(Path dir, EarlyStopping stopping, TrainingState previous) {
        this(dir, stopping, previous, DEFAULT_INTERVAL);
    }

    /**
     * @param dir      the run's checkpoints folder (exists)
     * @param stopping the run's early stopping, whose state is saved with each checkpoint
     * @param previous the state resumed from, or null for a fresh run
     * @param interval training time between in-epoch checkpoints; zero saves after every batch
     */
    public EpochCheckpoint(Path dir, EarlyStopping stopping, TrainingState previous, Duration interval) {
        this(dir, stopping, previous, interval, () -> { });
    }

    /**
     * As {@link #EpochCheckpoint(Path, EarlyStopping, TrainingState, Duration)}, running {@code beforeSave} before
     * every save; it throws to leave the folder untouched (a worker that no longer holds the run must not write
     * or delete its checkpoints, which the run's new holder resumes from).
     */
    public EpochCheckpoint(Path dir, EarlyStopping stopping, TrainingState previous, Duration interval,
                           Runnable beforeSave) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("negative checkpoint interval " + interval);
        }
        this.dir = dir;
        this.stopping = stopping;
        this.history = new ArrayList<>(previous == null ? List.of() : previous.history());
        this.trainSeconds = previous == null ? 0 : previous.trainSeconds();
        this.checkpoint = previous == null ? null : previous.checkpoint();
        this.intervalNanos = interval.toNanos();
        this.beforeSave = beforeSave;
    }

    @Override
    public void onTrainingStart(SessionModel model, int firstEpoch, int maxEpochs) {
        lastSave = System.nanoTime();
    }

    @Override
    public void onBatchEnd(SessionModel model, EpochProgress progress) {
        if (System.nanoTime() - lastSave >= intervalNanos) {
            saveInEpoch(model, progress);
        }
    }

    @Override
    public void onInterrupt(SessionModel model, EpochProgress progress) {
        // At the start of an epoch the previous epoch's checkpoint already holds exactly this state.
        if (!progress.atStart()) {
            saveInEpoch(model, progress);
        }
    }

    @Override
    public void onEpochEnd(SessionModel model, EpochRecord stats) {
        history.add(stats);
        trainSeconds += stats.seconds();
        save(model, PREFIX + stats.epoch(), new TrainingState(stats.epoch(), model.steps(), stopping.bestRecall(),
                stopping.bestEpoch(), stopping.epochsSinceBest(), PREFIX + stats.epoch(), trainSeconds, history));
    }

    private void saveInEpoch(SessionModel model, EpochProgress p) {
        String name = PREFIX + p.epoch() + "-batch-" + p.batchesDone();
        if (name.equals(checkpoint)) {
            // Just resumed from it: same state, and overwriting the files the state names would not be atomic.
            return;
        }
        save(model, name, new TrainingState(p.epoch() - 1, model.steps(), stopping.bestRecall(),
                stopping.bestEpoch(), stopping.epochsSinceBest(), name, trainSeconds, history, p));
    }

    /** Variables first, then the state naming them, then the superseded files: every step leaves a valid state. */
    private void save(SessionModel model, String name, TrainingState state) {
        beforeSave.run();
        String previous = checkpoint;
        checkpoint = name;
        model.save(dir.resolve(name));
        write(state);
        if (previous != null && !previous.equals(name)) {
            deleteCheckpoint(previous);
        }
        lastSave = System.nanoTime();
    }

    /** Every epoch so far, those before a resume included. */
    public List<EpochRecord> history() {
        return List.copyOf(history);
    }

    /** Training time of the completed epochs, those before a resume included. */
    public double trainSeconds() {
        return trainSeconds;
    }

    /**
     * The state saved in {@code dir}, if any. A state file that cannot be used is an error, not a fresh start:
     * unreadable JSON, missing or impossible fields, or naming variables that are not there.
     *
     * @throws ResultsFileException naming the file, what is wrong and how to start over
     */
    public static Optional<TrainingState> load(Path dir) {
        return load(dir, dir);
    }

    /**
     * As {@link #load(Path)}, where deleting {@code restart} (this folder or one holding it, with the checkpoints
     * of the same run) starts the training over; the error says so.
     */
    public static Optional<TrainingState> load(Path dir, Path restart) {
        Path file = dir.resolve(STATE_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        TrainingState state;
        try {
            state = MAPPER.readValue(file.toFile(), TrainingState.class);
        } catch (JacksonException e) {
            throw corrupt(file, ParserMessages.plain(e.getOriginalMessage(), "unreadable JSON"), restart, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint state " + file, e);
        }
        problem(state, dir).ifPresent(p -> {
            throw corrupt(file, p, restart, null);
        });
        return Optional.of(state);
    }

    private static Optional<String> problem(TrainingState s, Path dir) {
        if (s == null) {
            return Optional.of("empty (null)");
        }
        if (s.epochsDone() < 0 || s.steps() < 0 || s.history().size() != s.epochsDone()) {
            return Optional.of(s.epochsDone() + " epochs done, " + s.steps() + " steps and " + s.history().size()
                    + " epochs of history do not fit together");
        }
        if (s.checkpoint() == null || s.checkpoint().isBlank() || s.checkpoint().contains("/")
                || s.checkpoint().contains("\\")) {
            return Optional.of("no checkpoint name");
        }
        if (!Files.isRegularFile(dir.resolve(s.checkpoint() + ".index"))) {
            return Optional.of("names checkpoint '" + s.checkpoint() + "', whose files are missing");
        }
        return Optional.empty();
    }

    private static ResultsFileException corrupt(Path file, String problem, Path restart, Exception cause) {
        return new ResultsFileException("corrupt checkpoint state " + file + ": " + problem + "; delete the folder "
                + restart + " to train from the start instead of resuming", cause);
    }

    /** Puts the model, its step counter and the early stopping back where {@code state} says. */
    public static void restore(TrainingState state, Path dir, SessionModel model, EarlyStopping stopping) {
        model.restore(dir.resolve(state.checkpoint()));
        model.setSteps(state.steps());
        stopping.resumeFrom(state.bestRecall(), state.bestEpoch(), state.sinceBest());
    }

    private void write(TrainingState state) {
        try {
            AtomicFiles.write(dir.resolve(STATE_FILE), MAPPER.writeValueAsBytes(state));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint state in " + dir, e);
        }
    }

    /** Deletes the files of a superseded checkpoint ({@code prefix.index}, {@code prefix.data-*}). */
    private void deleteCheckpoint(String prefix) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, prefix + ".*")) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            // A leftover old checkpoint wastes disk but does not affect correctness: the state names the new one.
        }
    }
}
