package org.sessionrnn.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.sessionrnn.claims.Claim;
import org.sessionrnn.claims.Workers;
import org.sessionrnn.data.SequenceSet;
import org.sessionrnn.data.SequenceSplitter;
import org.sessionrnn.eval.EvaluationResult;
import org.sessionrnn.eval.Evaluator;
import org.sessionrnn.eval.ProbabilityAverage;
import org.sessionrnn.model.Batch;
import org.sessionrnn.model.NeuralModel;
import org.sessionrnn.results.RunRecord;
import org.sessionrnn.results.RunRecordIo;
import org.sessionrnn.results.RunStatus;
import org.sessionrnn.spec.GridExpander;
import org.sessionrnn.spec.RunSpec;
import org.sessionrnn.train.StopRequest;

/**
 * An ensemble: ranks the test prefixes by the mean of its members' softmax probabilities
 * ({@link ProbabilityAverage}). The members are other runs of the grid in the same cell (fraction and seed), which
 * come before the ensemble in grid order; each must be done, and the ensemble waits for one that another worker is
 * running. Each member's model is built as its kind builds it and restored from the weights its own test
 * evaluation used ({@link CheckpointedTraining#evaluatedWeights}: the refit's or the early-stopped best). The
 * ensemble of the members' early-stopped weights is also measured on the cell's validation split, which all of
 * them held out, and recorded as facts (its history stays empty, as it trains no epochs). It trains
 * nothing: its training time is 0, the members count theirs. Nothing is checkpointed, so an interrupted ensemble
 * starts afresh.
 */
public final class EnsembleRun implements RunExecutor {
    /** The fact of an ensemble run's record that lists its member runs' ids, comma-separated. */
    public static final String MEMBERS_FACT = "ensemble_members";
    /** The fact prefix of the checkpoint each member was restored from: {@code member_checkpoint.<run id>}. */
    public static final String CHECKPOINT_FACT = "member_checkpoint.";
    /** The fact with the validation Recall@k of the ensemble of the members' early-stopped weights. */
    public static final String VALIDATION_RECALL_FACT = "validation_recall";
    /** The fact with the validation MRR@k of the ensemble of the members' early-stopped weights. */
    public static final String VALIDATION_MRR_FACT = "validation_mrr";
    /** Prefixes ranked per batch, as the members' own evaluation ranks them. */
    private static final int EVALUATION_BATCH = 512;
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(30);

    EnsembleRun() {
    }

    @Override
    public RunOutcome execute(RunContext c) throws Exception {
        List<RunSpec> members = GridExpander.members(c.spec(), c.run());
        List<RunRecord> records = new ArrayList<>();
        for (RunSpec member : members) {
            records.add(awaitDone(c, member));
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put(MEMBERS_FACT, String.join(",", members.stream().map(RunSpec::id).toList()));
        List<NeuralModel> models = new ArrayList<>();
        List<NeuralModel> early = new ArrayList<>();
        try {
            long params = 0;
            for (int i = 0; i < members.size(); i++) {
                RunSpec member = members.get(i);
                Path checkpoints = runDir(c, member).resolve(ExperimentRunner.CHECKPOINTS);
                Path weights = existing(member, CheckpointedTraining.evaluatedWeights(checkpoints,
                        records.get(i).provenance()));
                NeuralModel model = load(c, member, weights);
                models.add(model);
                params += model.parameterCount();
                facts.put(CHECKPOINT_FACT + member.id(), weights.toString());
                Path best = existing(member, CheckpointedTraining.earlyStoppedWeights(checkpoints));
                early.add(best.equals(weights) ? model : load(c, member, best));
            }
            validate(c, early, facts);
            EvaluationResult test = evaluate(c, models, c.data().test());
            c.out().printf("  [%s] mean of %d members' probabilities, %,d test prefixes ranked in %.1fs%n",
                    c.run().id(), members.size(), test.metrics().count(), test.seconds());
            long sequences = SequenceSplitter.recentFraction(c.data().trainByTime(), c.run().fraction()).size();
            return new RunOutcome(test, sequences, 0, List.of(), 0, 0, params, null, facts);
        } finally {
            early.stream().filter(m -> !models.contains(m)).forEach(NeuralModel::close);
            models.forEach(NeuralModel::close);
        }
    }

    /**
     * The ensemble of the members' early-stopped weights on the cell's validation split, which every member held
     * out: Recall@k and MRR@k recorded as facts, to choose members on, as the members' own epochs are chosen.
     */
    private static void validate(RunContext c, List<NeuralModel> early, Map<String, String> facts) {
        SequenceSet validation = NeuralSteps.split(c).validation();
        if (validation.size() == 0) {
            return;
        }
        EvaluationResult result = evaluate(c, early, validation);
        facts.put(VALIDATION_RECALL_FACT, Double.toString(result.metrics().recall()));
        facts.put(VALIDATION_MRR_FACT, Double.toString(result.metrics().mrr()));
        c.out().printf("  [%s] validation (early-stopped members): Recall@%d %.4f  MRR@%d %.4f%n", c.run().id(),
                result.metrics().cutoff(), result.metrics().recall(), result.metrics().cutoff(),
                result.metrics().mrr());
    }

    private static EvaluationResult evaluate(RunContext c, List<NeuralModel> models, SequenceSet prefixes) {
        List<Function<Batch, float[]>> scores = models.stream().<Function<Batch, float[]>>map(m -> m::scores)
                .toList();
        return new Evaluator(c.spec().protocol().cutoff()).evaluate(new ProbabilityAverage(scores,
                EVALUATION_BATCH, c.spec().protocol().maxLength(), c.data().items()), prefixes);
    }

    /**
     * The member's done record. A member another live worker is running, or that a live worker of another shard
     * will run, is waited for (Ctrl-C stops the wait, the ensemble stays resumable); a failed member, or one that no
     * live worker runs or will run, fails the ensemble.
     */
    private static RunRecord awaitDone(RunContext c, RunSpec member) throws IOException {
        Path file = runDir(c, member).resolve(RunRecordIo.FILE_NAME);
        String hash = RunAttempt.configHash(c.spec(), member, c.data());
        List<String> allRunIds = GridExpander.expand(c.spec()).stream().map(RunSpec::id).toList();
        Instant reported = Instant.EPOCH;
        boolean unheldBefore = false;
        while (true) {
            Optional<Claim> holder = c.claims() == null ? Optional.empty() : c.claims().live(member.id());
            RunRecord r = Files.exists(file) ? RunRecordIo.read(file) : null;
            boolean current = r != null && hash.equals(r.provenance().configHash());
            if (current && r.status() == RunStatus.DONE) {
                return r;
            }
            if (current && r.status() == RunStatus.FAILED) {
                throw new IllegalStateException("member run " + member.id() + " failed (" + r.failure()
                        + "); rerun the grid once it is done");
            }
            Optional<Workers.Worker> later = holder.isPresent() || c.claims() == null ? Optional.empty()
                    : Workers.mayRun(c.spec().experimentDir(), member.id(), allRunIds, c.claims().me(),
                    c.claims().staleAfter());
            if (holder.isEmpty() && later.isEmpty()) {
                if (unheldBefore) { // twice in a row: not a holder that had just claimed it as we looked
                    throw new IllegalStateException("member run " + member.id() + " is not done ("
                            + (r == null ? "not run" : current ? r.status().toString() : "run with another "
                            + "configuration") + ") and no worker is running it; run it, then rerun the grid");
                }
                unheldBefore = true;
            } else if (holder.isEmpty()) {
                // another shard's run that its live worker has not reached yet: it will, as members come earlier
                unheldBefore = false;
                if (Duration.between(reported, Instant.now()).compareTo(REPORT_EVERY) >= 0) {
                    c.out().println("  [" + c.run().id() + "] waiting for member " + member.id() + ", not started yet"
                            + " by the worker that will run it (" + later.get().describe() + ")");
                    reported = Instant.now();
                }
            } else {
                unheldBefore = false;
                if (Duration.between(reported, Instant.now()).compareTo(REPORT_EVERY) >= 0) {
                    c.out().println("  [" + c.run().id() + "] waiting for member " + member.id() + ", run by "
                            + holder.get().describe());
                    reported = Instant.now();
                }
            }
            if (StopRequest.isRequested()) {
                throw new GridInterruptedException("interrupted while " + c.run().id() + " waited for member "
                        + member.id() + "; rerun the spec to continue");
            }
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GridInterruptedException("interrupted while waiting for an ensemble's member");
        }
    }

    /** {@code prefix}, a checkpoint of a done member, which must be there. */
    private static Path existing(RunSpec member, Path prefix) {
        if (!Files.exists(Path.of(prefix + ".index"))) {
            throw new IllegalStateException("member run " + member.id() + " is done but its checkpoint " + prefix
                    + " is missing; rerun it with --force");
        }
        return prefix;
    }

    /** The member's model, built as its kind builds it, with {@code weights} restored. */
    private static NeuralModel load(RunContext c, RunSpec member, Path weights) {
        RunnableKind kind = RunnableKind.of(member.variant().model());
        NeuralModel model = NeuralModel.build(kind.model(new ModelFactory(member, c.data().items(),
                c.spec().protocol().maxLength())));
        try {
            model.restore(weights);
            return model;
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    private static Path runDir(RunContext c, RunSpec run) {
        return c.spec().experimentDir().resolve("runs").resolve(run.id());
    }
}
