package org.sessionrnn.results;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Where a run's numbers came from: the software and machine that produced them, the spec and data they were
 * computed from, the worker that trained the run and when, and facts particular to the run's model kind (the
 * pre-trained model an M2 run started from, where a resumed run picked up, a tune trial's settings). Modelled on
 * Tribuo's {@code ModelProvenance} (environment, dataset and trainer parts, each typed), with the same flat
 * {@code "provenance"} object in {@code run.json} as before: each known part writes its keys, the facts follow,
 * absent parts write nothing, and a key an older or newer writer used that is not known here is kept as a fact.
 * The run.json keys of the known parts are spelled in this file only.
 *
 * @param environment software versions and machine, collected once per experiment; null if not recorded
 * @param specHash    fingerprint of the resolved spec ({@code spec_hash})
 * @param data        the data set's name and fingerprint; null if not recorded
 * @param worker      the worker that trained the run; null if not recorded
 * @param configHash  fingerprint of everything the run's results depend on ({@code config_hash}); a run is
 *                    redone when it changes
 * @param startedAt   when the run's last attempt started (ISO-8601 instant)
 * @param finishedAt  when the run finished
 * @param facts       other keys, in the order they were added
 */
public record RunProvenance(Environment environment, String specHash, Data data, Worker worker, String configHash,
                            String startedAt, String finishedAt, Map<String, String> facts) {
    /** Nothing recorded yet. */
    public static final RunProvenance EMPTY = new RunProvenance(null, null, null, null, null, null, null, Map.of());

    public RunProvenance {
        facts = facts == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    /**
     * Software and machine.
     *
     * @param sessionrnnVersion this program's version ({@code sessionrnn_version})
     * @param gitCommit         HEAD of the checkout it ran from, "-dirty" with local changes, or "unknown"
     * @param javaVersion       Java runtime version
     * @param tensorflowVersion TensorFlow native library version
     * @param os                operating system and architecture
     * @param cpus              processors the JVM saw
     * @param device            the native build and whether it found a GPU
     * @param collectedAt       when these were collected
     */
    public record Environment(String sessionrnnVersion, String gitCommit, String javaVersion,
                              String tensorflowVersion, String os, String cpus, String device, String collectedAt) {
    }

    /**
     * The data set.
     *
     * @param name its name ({@code data_name}), e.g. the generator's settings
     * @param hash fingerprint of its prepared clicks ({@code data_hash})
     */
    public record Data(String name, String hash) {
    }

    /**
     * The worker that trained the run.
     *
     * @param id            host and process ({@code worker})
     * @param shard         the worker's shard, e.g. "2/3" or "all"
     * @param tfThreads     TensorFlow's thread pools and where their size came from
     * @param takenOverFrom the worker (and shard) whose stale claim this one took over; null if none
     */
    public record Worker(String id, String shard, String tfThreads, String takenOverFrom) {
    }

    /** This provenance with the experiment's spec, data and worker. */
    public RunProvenance withExperiment(String specHash, Data data, Worker worker) {
        return new RunProvenance(environment, specHash, data, worker, configHash, startedAt, finishedAt, facts);
    }

    /** This provenance with the worker that took the run over from {@code from}. */
    public RunProvenance takenOverFrom(String from) {
        Worker w = worker == null ? new Worker(null, null, null, from)
                : new Worker(worker.id(), worker.shard(), worker.tfThreads(), from);
        return new RunProvenance(environment, specHash, data, w, configHash, startedAt, finishedAt, facts);
    }

    /** This provenance of a run whose results depend on the configuration fingerprinted {@code configHash}. */
    public RunProvenance configured(String configHash) {
        return new RunProvenance(environment, specHash, data, worker, configHash, startedAt, finishedAt, facts);
    }

    /** This provenance of a run (or its last attempt) started {@code at}. */
    public RunProvenance started(String at) {
        return new RunProvenance(environment, specHash, data, worker, configHash, at, finishedAt, facts);
    }

    /** This provenance of a run finished {@code at}. */
    public RunProvenance finished(String at) {
        return new RunProvenance(environment, specHash, data, worker, configHash, startedAt, at, facts);
    }

    /** This provenance with {@code more} facts added after the present ones (a key present before is replaced). */
    public RunProvenance withFacts(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(facts);
        all.putAll(more);
        return new RunProvenance(environment, specHash, data, worker, configHash, startedAt, finishedAt, all);
    }

    /** The value run.json holds under {@code key}, null if none. */
    public String get(String key) {
        return asMap().get(key);
    }

    /** Whether run.json holds {@code key}. */
    public boolean containsKey(String key) {
        return asMap().containsKey(key);
    }

    /** The {@code "provenance"} object of run.json: known parts first, then the facts; absent values left out. */
    @JsonValue
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        BiConsumer<String, String> put = (k, v) -> {
            if (v != null) {
                map.put(k, v);
            }
        };
        if (environment != null) {
            put.accept("sessionrnn_version", environment.sessionrnnVersion());
            put.accept("git_commit", environment.gitCommit());
            put.accept("java_version", environment.javaVersion());
            put.accept("tensorflow_version", environment.tensorflowVersion());
            put.accept("os", environment.os());
            put.accept("cpus", environment.cpus());
            put.accept("device", environment.device());
            put.accept("collected_at", environment.collectedAt());
        }
        put.accept("spec_hash", specHash);
        if (data != null) {
            put.accept("data_name", data.name());
            put.accept("data_hash", data.hash());
        }
        if (worker != null) {
            put.accept("worker", worker.id());
            put.accept("shard", worker.shard());
            put.accept("tf_threads", worker.tfThreads());
            put.accept("taken_over_from", worker.takenOverFrom());
        }
        put.accept("config_hash", configHash);
        put.accept("started_at", startedAt);
        put.accept("finished_at", finishedAt);
        facts.forEach(put);
        return map;
    }

    /** Reads the {@code "provenance"} object of a run.json, written by this version or an older one. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static RunProvenance fromMap(Map<String, String> map) {
        if (map == null) {
            return EMPTY;
        }
        Map<String, String> rest = new LinkedHashMap<>(map);
        Environment environment = anyPresent(map, "sessionrnn_version", "git_commit", "java_version",
                "tensorflow_version", "os", "cpus", "device", "collected_at")
                ? new Environment(rest.remove("sessionrnn_version"), rest.remove("git_commit"),
                rest.remove("java_version"), rest.remove("tensorflow_version"), rest.remove("os"),
                rest.remove("cpus"), rest.remove("device"), rest.remove("collected_at"))
                : null;
        String specHash = rest.remove("spec_hash");
        Data data = anyPresent(map, "data_name", "data_hash")
                ? new Data(rest.remove("data_name"), rest.remove("data_hash")) : null;
        Worker worker = anyPresent(map, "worker", "shard", "tf_threads", "taken_over_from")
                ? new Worker(rest.remove("worker"), rest.remove("shard"), rest.remove("tf_threads"),
                rest.remove("taken_over_from"))
                : null;
        return new RunProvenance(environment, specHash, data, worker, rest.remove("config_hash"),
                rest.remove("started_at"), rest.remove("finished_at"), rest);
    }

    private static boolean anyPresent(Map<String, String> map, String... keys) {
        for (String k : keys) {
            if (map.get(k) != null) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
