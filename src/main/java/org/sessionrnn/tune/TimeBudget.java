package org.sessionrnn.tune;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.sessionrnn.io.AtomicFiles;

/**
 * The wall-clock budget of a selection ({@code --budget-minutes}), counted over every invocation of the same
 * search: the training time spent is kept in a file, so a resumed search does not get a fresh budget and a search
 * that ran out ends the same way when rerun. Only training counts; reusing a finished rung costs nothing.
 */
final class TimeBudget {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "spent_seconds";

    private final Path file;
    private final double limitSeconds;
    private double spent;

    /**
     * @param file          where the time spent is kept
     * @param limitMinutes  the budget; infinite for none
     * @param reset         start counting from zero (a forced restart of the search)
     */
    TimeBudget(Path file, double limitMinutes, boolean reset) throws IOException {
        this.file = file;
        this.limitSeconds = limitMinutes * 60;
        this.spent = !reset && Files.exists(file) ? read(file) : 0;
    }

    private static double read(Path file) throws IOException {
        try {
            return JSON.readTree(file.toFile()).path(KEY).asDouble(0);
        } catch (IOException e) {
            return 0; // an unreadable record (never written half, see AtomicFiles) counts as nothing spent
        }
    }

    /** True once the time spent reaches the budget. */
    boolean exhausted() {
        return spent >= limitSeconds;
    }

    boolean limited() {
        return Double.isFinite(limitSeconds);
    }

    /** Records {@code seconds} more of training. */
    void spend(double seconds) throws IOException {
        spent += seconds;
        if (limited()) {
            AtomicFiles.writeString(file, JSON.writeValueAsString(Map.of(KEY, spent)));
        }
    }

    double spentMinutes() {
        return spent / 60;
    }
}
