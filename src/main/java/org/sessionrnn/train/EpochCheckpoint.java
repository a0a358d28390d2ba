package org.sessionrnn.train;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sessionrnn.model.SessionModel;
import org.sessionrnn.report.AtomicFiles;

/**
 * Saves, after every epoch, everything needed to resume training exactly where it stood: the model's variables
 * (optimiser slots included) under the prefix {@code epoch-<n>} and a small {@link TrainingState} in
 * {@value #STATE_FILE}, written atomically <em>after</em> the variables. The state file therefore always names
 * a complete checkpoint: a crash while saving epoch n leaves the state pointing at epoch n-1, whose files are
 * only deleted once the new state is in place.
 *
 * <p>Must be registered after the {@link EarlyStopping} it reads, so that it records that epoch's decision.
 */
public final class EpochCheckpoint implements TrainingListener {
    /** The trainer state file inside the checkpoints folder. */
    public static final String STATE_FILE = "state.json";
    private static final String PREFIX = "epoch-";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;
    private final EarlyStopping stopping;
    private final List<EpochStats> history;
    private double trainSeconds;
    private String checkpoint;

    /**
     * @param dir      the run's checkpoints folder (exists)
     * @param stopping the run's early stopping, whose state is saved with each epoch
     * @param previous the state resumed from, or null for a fresh run
     */
    public EpochCheckpoint(Path dir, EarlyStopping stopping, TrainingState previous) {
        this.dir = dir;
        this.stopping = stopping;
        this.history = new ArrayList<>(previous == null ? List.of() : previous.history());
        this.trainSeconds = previous == null ? 0 : previous.trainSeconds();
        this.checkpoint = previous == null ? null : previous.checkpoint();
    }

    @Override
    public void onEpochEnd(SessionModel model, EpochStats stats) {
        String previous = checkpoint;
        checkpoint = PREFIX + stats.epoch();
        model.save(dir.resolve(checkpoint));
        history.add(stats);
        trainSeconds += stats.seconds();
        write(new TrainingState(stats.epoch(), model.steps(), stopping.bestRecall(), stopping.bestEpoch(),
                stopping.epochsSinceBest(), checkpoint, trainSeconds, history));
        if (previous != null && !previous.equals(checkpoint)) {
            deleteCheckpoint(previous);
        }
    }

    /** Every epoch so far, those before a resume included. */
    public List<EpochStats> history() {
        return List.copyOf(history);
    }

    /** Training time so far, those before a resume included. */
    public double trainSeconds() {
        return trainSeconds;
    }

    /** The state saved in {@code dir}, if any; a state file that cannot be read is an error, not a fresh start. */
    public static Optional<TrainingState> load(Path dir) {
        Path file = dir.resolve(STATE_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(MAPPER.readValue(file.toFile(), TrainingState.class));
        } catch (JacksonException e) {
            throw new IllegalStateException("corrupt checkpoint state " + file + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint state " + file, e);
        }
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
