package org.sessionrnn.claims;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Shard {@code index} of {@code count} (index from 0): owns the runs whose position in the sorted list of all run
 * ids is {@code index} modulo {@code count}. Sorting makes the assignment independent of the spec's order and
 * identical on every machine; the round robin spreads each model over the shards.
 *
 * @param index 0 to count - 1
 * @param count number of shards, at least 1
 */
public record Shard(int index, int count) {
    /** The whole grid in one process. */
    public static final Shard ALL = new Shard(0, 1);

    /** Environment variable a Kubernetes manifest sets to the Job's {@code completions}. */
    public static final String K8S_COUNT = "SESSIONRNN_SHARDS";

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("shard " + index + "/" + count
                    + ": expected I/N with N >= 1 and I from 0 to N-1");
        }
    }

    /**
     * Parses {@code I/N} as given to {@code --shard}.
     *
     * @throws IllegalArgumentException with a message for the user
     */
    public static Shard parse(String text) {
        String[] parts = text.trim().split("/", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("--shard " + text + ": expected I/N, e.g. --shard 0/3 (I from 0 to N-1)");
        }
        int index = number(parts[0], "--shard " + text + ": index");
        int count = number(parts[1], "--shard " + text + ": shard count");
        if (count < 1 || index >= count) {
            throw new IllegalArgumentException("--shard " + text + ": index " + index + " is not in 0.." + (count - 1)
                    + (count < 1 ? " (the shard count must be at least 1)" : "") + "; shards are numbered from 0");
        }
        return new Shard(index, count);
    }

    /**
     * The shard a scheduler assigned through the environment: a Slurm array task ({@code SLURM_ARRAY_TASK_ID}
     * relative to {@code SLURM_ARRAY_TASK_MIN}, of {@code SLURM_ARRAY_TASK_COUNT}) or a Kubernetes Indexed Job
     * pod ({@code JOB_COMPLETION_INDEX} of {@value #K8S_COUNT}); empty outside both.
     *
     * @throws IllegalArgumentException if the variables are there but malformed or inconsistent
     */
    public static Optional<Shard> fromEnvironment(Map<String, String> env) {
        Function<String, String> get = k -> {
            String v = env.get(k);
            return v == null || v.isBlank() ? null : v.trim();
        };
        if (get.apply("SLURM_ARRAY_TASK_ID") != null && get.apply("SLURM_ARRAY_TASK_COUNT") != null) {
            int id = number(get.apply("SLURM_ARRAY_TASK_ID"), "SLURM_ARRAY_TASK_ID");
            int min = get.apply("SLURM_ARRAY_TASK_MIN") == null ? 0
                    : number(get.apply("SLURM_ARRAY_TASK_MIN"), "SLURM_ARRAY_TASK_MIN");
            int count = number(get.apply("SLURM_ARRAY_TASK_COUNT"), "SLURM_ARRAY_TASK_COUNT");
            return Optional.of(checked(id - min, count, "SLURM_ARRAY_TASK_ID=" + id + " (min " + min + ", count "
                    + count + "); use a contiguous array such as --array=0-" + (Math.max(count, 1) - 1)));
        }
        if (get.apply("JOB_COMPLETION_INDEX") != null) {
            if (get.apply(K8S_COUNT) == null) {
                throw new IllegalArgumentException("JOB_COMPLETION_INDEX is set but " + K8S_COUNT
                        + " is not: the manifest must pass the Job's completions as " + K8S_COUNT);
            }
            int index = number(get.apply("JOB_COMPLETION_INDEX"), "JOB_COMPLETION_INDEX");
            int count = number(get.apply(K8S_COUNT), K8S_COUNT);
            return Optional.of(checked(index, count, "JOB_COMPLETION_INDEX=" + index + " with " + K8S_COUNT + "="
                    + count));
        }
        return Optional.empty();
    }

    private static Shard checked(int index, int count, String what) {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException(what + ": shard index must be from 0 to count-1");
        }
        return new Shard(index, count);
    }

    private static int number(String text, String what) {
        try {
            int n = Integer.parseInt(text.trim());
            if (n < 0) {
                throw new IllegalArgumentException(what + " '" + text + "' is negative");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " '" + text + "' is not a whole number");
        }
    }

    /** Whether this shard owns {@code runId}, given every run id of the grid. */
    public boolean owns(String runId, List<String> allRunIds) {
        int position = allRunIds.stream().sorted().toList().indexOf(runId);
        if (position < 0) {
            throw new IllegalArgumentException("run " + runId + " is not in the grid");
        }
        return position % count == index;
    }

    /** The ids this shard owns, in the order given. */
    public List<String> select(List<String> allRunIds) {
        List<String> sorted = allRunIds.stream().sorted().toList();
        return allRunIds.stream().filter(id -> sorted.indexOf(id) % count == index).toList();
    }

    /** Whether this is the whole grid in one process. */
    public boolean isAll() {
        return count == 1;
    }

    /** {@code I/N}, as {@code --shard} takes it. */
    @Override
    public String toString() {
        return index + "/" + count;
    }
}
