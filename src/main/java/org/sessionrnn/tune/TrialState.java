package org.sessionrnn.tune;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sessionrnn.io.AtomicFiles;

/**
 * A trial's own record, {@value #FILE_NAME} in its run folder: the hash of everything its results depend on,
 * its settings, and its result at every rung it finished. Written atomically before training (no rungs) and
 * after each rung, it is what makes a search resumable: a rung recorded here is never trained again, and the
 * checkpoints beside it belong to this configuration, so an unfinished rung resumes from them.
 *
 * @param configHash the trial run's configuration hash (the epoch budget excluded)
 * @param settings   the searched keys' values
 * @param rungs      results of the finished rungs, in rung order
 */
record TrialState(String configHash, Map<String, Object> settings, List<RungResult> rungs) {
    static final String FILE_NAME = "trial.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    TrialState {
        rungs = List.copyOf(rungs);
    }

    /** The result at {@code rung}, if finished. */
    Optional<RungResult> at(int rung) {
        return rungs.stream().filter(r -> r.rung() == rung).findFirst();
    }

    /** This state under {@code hash}. */
    TrialState hashed(String hash) {
        return new TrialState(hash, settings, rungs);
    }

    TrialState with(RungResult result) {
        List<RungResult> all = new ArrayList<>(rungs);
        all.removeIf(r -> r.rung() == result.rung());
        all.add(result);
        all.sort(java.util.Comparator.comparingInt(RungResult::rung));
        return new TrialState(configHash, settings, all);
    }

    /** The state in {@code runDir}, empty when there is none or it cannot be read (the trial then starts over). */
    static Optional<TrialState> read(Path runDir) {
        Path file = runDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), TrialState.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    void write(Path runDir) throws IOException {
        AtomicFiles.writeString(runDir.resolve(FILE_NAME), JSON.writeValueAsString(this));
    }
}
