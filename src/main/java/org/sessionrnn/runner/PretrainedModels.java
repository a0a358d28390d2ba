package org.sessionrnn.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sessionrnn.claims.ClaimBoard;
import org.sessionrnn.io.Sha256;
import org.sessionrnn.data.SequenceSet;
import org.sessionrnn.data.SequenceSplitter;
import org.sessionrnn.data.TrainValidation;
import org.sessionrnn.model.NeuralModel;
import org.sessionrnn.model.SoftmaxWeights;
import org.sessionrnn.io.AtomicFiles;
import org.sessionrnn.spec.Fraction;
import org.sessionrnn.spec.GruTraining;
import org.sessionrnn.spec.Key;
import org.sessionrnn.spec.ProtocolSpec;
import org.sessionrnn.spec.SoftmaxSettings;
import org.sessionrnn.results.EpochRecord;
import org.sessionrnn.train.EpochCheckpoint;
import org.sessionrnn.train.StopRequest;

/**
 * The M1 trained on the whole training set that M2 fine-tunes and M4 takes its target embeddings from. It is
 * trained once per {@link #fingerprint} (data, GRU size, seed, every key of its settings) and cached under
 * {@code <experimentDir>/pretrained/<key>/}: checkpoint {@code best} and {@code pretrained.json}, written
 * atomically after the checkpoint, so a cache entry without its json is incomplete and is trained again.
 *
 * <p>An M1 run at fraction 1 with the same GRU size, seed and settings trains exactly this model, so when it
 * finishes training it {@link #offer offers} its best checkpoint: the files are copied into the cache (the run's
 * own checkpoint belongs to the run and is rewritten if the run is resumed), and M2/M4 runs later in the grid
 * reuse it instead of training the same M1 again.
 */
final class PretrainedModels {
    static final String INFO_FILE = "pretrained.json";
    /** The fingerprint's version: raise it when its text changes, so that old cache entries are not reused. */
    static final int FINGERPRINT_VERSION = 2;
    private static final List<String> NOT_IN_FINGERPRINT = Key.names(List.of(GruTraining.GRU_SIZES,
            GruTraining.REFIT));

    private PretrainedModels() {
    }

    /**
     * A cached pre-trained M1.
     *
     * @param checkpoint prefix of its best checkpoint
     * @param key        cache key: GRU size, seed and {@code configHash}
     * @param configHash hash of the {@link #fingerprint}
     */
    record Pretrained(Path checkpoint, String key, String configHash) {
        /** For run.json of the runs that start from it. */
        Map<String, String> facts() {
            return Map.of("pretrained_checkpoint", checkpoint.toString(), "pretrained_config_hash", configHash);
        }
    }

    /**
     * How a run that starts from the pre-trained M1 (M2, M4) begins: the model (trained first if not cached),
     * its weights, the run's split and its checkpoints folder.
     *
     * @param pretrainSeconds training time this run spent pre-training the M1: 0 when it reused a cache entry
     *                        (the run or worker that trained the entry counts that time, never two runs)
     */
    record Start(Pretrained pretrained, SoftmaxWeights weights, TrainValidation split, double pretrainSeconds) {
        /** For run.json: the pre-trained model, and how long this run spent training it. */
        Map<String, String> facts() {
            Map<String, String> facts = new java.util.LinkedHashMap<>(pretrained.facts());
            facts.put("pretrain_seconds", Double.toString(pretrainSeconds));
            return facts;
        }

        /** {@code outcome} with this run's pre-training counted in its training time. */
        RunOutcome withPretraining(RunOutcome outcome) {
            return outcome.plusTrainSeconds(pretrainSeconds);
        }
    }

    /** Obtains the pre-trained M1 and readies the run's split and checkpoints folder. */
    static Start start(RunContext c) throws IOException {
        Pretrained pre = entry(c);
        double seconds = obtain(c, pre);
        TrainValidation split = NeuralSteps.split(c);
        Files.createDirectories(c.checkpoints());
        return new Start(pre, ModelFactory.of(c).loadSoftmax(pre.checkpoint()), split, seconds);
    }


    /**
     * The pre-trained M1 for the run's GRU size, seed and hyperparameters; trains it when not cached. Training
     * happens under the claim {@code pretrained-<key>}: a worker that finds another one training it waits (with
     * progress output) and reuses the result, or takes over and resumes from the cache folder's checkpoint if that
     * worker stops.
     *
     * @return the seconds this call spent training (over all attempts when it resumed one), 0 when it reused
     */
    private static double obtain(RunContext c, Pretrained pretrained) throws IOException {
        Path dir = pretrained.checkpoint().getParent();
        Path info = dir.resolve(INFO_FILE);
        if (Files.exists(info)) {
            c.out().println("  [" + c.run().id() + "] reusing pre-trained M1 " + dir);
            return 0;
        }
        if (c.claims() == null) { // alone on the folder: nobody to wait for
            c.out().println("  [" + c.run().id() + "] pre-training M1 on the full training set -> " + dir);
            Files.createDirectories(dir);
            return train(c, dir, pretrained);
        }
        String claim = claimName(pretrained);
        Optional<ClaimBoard.Attempt> mine = c.claims().claimOrWait(claim, () -> Files.exists(info),
                StopRequest::isRequested, holder -> c.out().println("  [" + c.run().id() + "] waiting for the "
                        + "pre-trained M1 " + pretrained.key() + ", trained by " + holder.describe() + progress(dir)),
                Duration.ofSeconds(1));
        if (mine.isEmpty()) {
            if (!Files.exists(info)) {
                throw new GridInterruptedException("interrupted while waiting for the pre-trained M1 "
                        + pretrained.key() + "; rerun the spec to continue");
            }
            c.out().println("  [" + c.run().id() + "] reusing pre-trained M1 " + dir + " (trained by another worker)");
            return 0;
        }
        try {
            if (!Files.exists(info)) {
                c.out().println("  [" + c.run().id() + "] pre-training M1 on the full training set -> " + dir);
                Files.createDirectories(dir);
                return train(c, dir, pretrained);
            }
            return 0;
        } finally {
            c.claims().release(claim);
        }
    }

    private static String claimName(Pretrained p) {
        return "pretrained-" + p.key();
    }

    /** {@code (epoch N done)} from the cache folder's checkpoint, or nothing. */
    private static String progress(Path dir) {
        try {
            return EpochCheckpoint.load(dir).map(s -> " (" + s.epochsDone() + " epochs done)").orElse("");
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** Trains the entry into {@code dir}; returns its training time. */
    private static double train(RunContext c, Path dir, Pretrained p) throws IOException {
        ProtocolSpec protocol = c.spec().protocol();
        SequenceSet all = SequenceSplitter.recentFraction(c.data().trainByTime(), Fraction.ONE);
        TrainValidation split = SequenceSplitter.validationSplit(all, protocol.validationShare(), c.run().seed(),
                c.data().dataset().holdout());
        // with the variant's output dropout, as the M1 run whose weights would share this entry trains
        try (NeuralModel model = NeuralModel.build(ModelFactory.of(c).trainingOn(split.train()).softmaxVariant())) {
            // checkpointed in the cache folder itself (its best weights are the entry's `best`), so an interrupted
            // pre-training resumes when the next M2/M4 run asks for it
            CheckpointedTraining.Result r = CheckpointedTraining.fit(c, dir, model, split);
            removeTrainingCheckpoints(dir);
            writeInfo(c, dir, p, r.history().size(), r.bestEpoch(), EpochRecord.recallOf(r.history(), r.bestEpoch()),
                    r.trainSeconds());
            return r.trainSeconds();
        }
    }

    /** Deletes the resumable training state once training is over; the entry keeps {@code best.*} only. */
    private static void removeTrainingCheckpoints(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(f -> !f.getFileName().toString().startsWith("best.")).toList()) {
                Files.delete(f);
            }
        }
    }

    /** The cache entry's description; written last and atomically, it marks the entry complete. */
    private static void writeInfo(RunContext c, Path dir, Pretrained p, int epochs, int bestEpoch,
                                  double bestRecall, double trainSeconds) throws IOException {
        java.util.Map<String, Object> info = new java.util.LinkedHashMap<>();
        info.put("key", p.key());
        info.put("config_hash", p.configHash());
        info.put("created_by_run", c.run().id());
        info.put("config", config(c));
        info.put("epochs", epochs);
        info.put("best_epoch", bestEpoch);
        info.put("best_validation_recall", bestRecall);
        info.put("train_seconds", trainSeconds);
        String json = new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter()
                .writeValueAsString(info);
        AtomicFiles.writeString(dir.resolve(INFO_FILE), json);
    }

    /**
     * Called by M1 runs before training: at fraction 1 with no cache entry yet, claims the entry, so that M2/M4
     * runs of other workers wait for this run's weights instead of pre-training the same model alongside it.
     * Returns whether this run holds the claim; {@link #unreserve} releases it.
     */
    static boolean reserve(RunContext c) throws IOException {
        if (!c.run().fraction().equals(Fraction.ONE) || c.claims() == null) {
            return false;
        }
        Pretrained entry = entry(c);
        return !Files.exists(entry.checkpoint().resolveSibling(INFO_FILE))
                && c.claims().tryClaim(claimName(entry)).acquired();
    }

    /** Releases what {@link #reserve} claimed. */
    static void unreserve(RunContext c) throws IOException {
        c.claims().release(claimName(entry(c)));
    }

    /**
     * Called by M1 runs after training: at fraction 1 with no cache entry yet, copies the run's best checkpoint
     * into the cache. Other fractions change nothing.
     */
    static void offer(RunContext c, Path bestPrefix, RunOutcome outcome) throws IOException {
        // a run cut short by an epoch budget did not train the model its settings describe
        if (!c.run().fraction().equals(Fraction.ONE) || outcome.bestEpoch() == 0 || c.epochBudget() > 0) {
            return;
        }
        Pretrained entry = entry(c);
        Path dir = entry.checkpoint().getParent();
        if (Files.exists(dir.resolve(INFO_FILE))) {
            return;
        }
        if (c.claims() == null) {
            copyIntoCache(c, bestPrefix, outcome, entry, dir);
            return;
        }
        // only under the entry's claim; if another worker is pre-training it right now, its result will do
        if (!c.claims().tryClaim(claimName(entry)).acquired()) {
            return;
        }
        try {
            if (!Files.exists(dir.resolve(INFO_FILE))) {
                copyIntoCache(c, bestPrefix, outcome, entry, dir);
            }
        } finally {
            c.claims().release(claimName(entry));
        }
    }

    private static void copyIntoCache(RunContext c, Path bestPrefix, RunOutcome outcome, Pretrained entry,
                                      Path dir) throws IOException {
        Files.createDirectories(dir);
        String prefix = bestPrefix.getFileName().toString() + ".";
        try (var files = Files.list(bestPrefix.getParent())) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList()) {
                Files.copy(f, dir.resolve("best." + f.getFileName().toString().substring(prefix.length())),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        writeInfo(c, dir, entry, outcome.history().size(), outcome.bestEpoch(),
                EpochRecord.recallOf(outcome.history(), outcome.bestEpoch()), outcome.trainSeconds());
    }

    /** The cache entry of the run's GRU size, seed and settings. */
    private static Pretrained entry(RunContext c) {
        String hash = configHash(c);
        String key = "m1-gru" + c.run().gruSize() + "-s" + c.run().seed() + "-" + hash;
        Path dir = c.spec().experimentDir().resolve("pretrained").resolve(key);
        return new Pretrained(dir.resolve("best"), key, hash);
    }

    /** Everything that changes the run's pre-trained model, as text ({@link #fingerprint}). */
    static String config(RunContext c) {
        // the counts catch a change of preprocessing, which the hash of the files read does not
        String data = c.data().dataset().dataHash() + " items=" + c.data().items() + " train_sequences="
                + c.data().trainByTime().size();
        return fingerprint(ModelFactory.softmaxSettings(c.run()), c.run().gruSize(), c.run().seed(),
                c.spec().protocol(), data);
    }

    /**
     * Everything that changes a pre-trained M1, as text: the version, the data (its hash and size), the protocol
     * keys training reads, the cell's GRU size and seed, and every key of its settings, taken from their key table so
     * that no key can be forgotten. Two keys are left out: {@code gru_sizes}, a list of which the cell trains one size, and
     * {@code refit}, since the cached model is always the early-stopped one, refit or not.
     */
    static String fingerprint(SoftmaxSettings m1, int gruSize, long seed, ProtocolSpec p, String data) {
        StringBuilder b = new StringBuilder("pretrained-m1 v" + FINGERPRINT_VERSION + "\ndata=" + data
                + "\nmax_length=" + p.maxLength() + "\nvalidation_share=" + p.validationShare() + "\ncutoff="
                + p.cutoff() + "\ngru=" + gruSize + "\nseed=" + seed);
        SoftmaxSettings.KEYS.values(m1).forEach((key, value) -> {
            if (!NOT_IN_FINGERPRINT.contains(key)) {
                b.append('\n').append(key).append('=').append(value);
            }
        });
        return b.toString();
    }

    static String configHash(RunContext c) {
        return Sha256.ofText(config(c), 12);
    }
}
