package org.sessionrnn.runner;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.sessionrnn.data.PrivilegedSequences;
import org.sessionrnn.data.TrainValidation;
import org.sessionrnn.eval.EvaluationResult;
import org.sessionrnn.eval.PredictionTimer;
import org.sessionrnn.model.DistillationModel;
import org.sessionrnn.model.SoftmaxModel;
import org.sessionrnn.model.SoftmaxWeights;
import org.sessionrnn.spec.VariantSpec;
import org.sessionrnn.train.EarlyStopping;
import org.sessionrnn.train.EpochStats;

/**
 * M3: trains a teacher M1 on the privileged (reversed future) sequences of the run's fraction, with early
 * stopping on the privileged sequences of the validation split, then a student with the distillation loss of
 * {@link DistillationModel}, early-stopped on the ordinary validation Recall@k.
 */
final class DistillationRun implements RunExecutor {
    @Override
    public RunOutcome execute(RunContext c) throws Exception {
        VariantSpec v = c.run().variant();
        int items = c.data().items();
        int steps = c.spec().protocol().maxLength();
        TrainValidation split = SoftmaxRun.split(c);
        Files.createDirectories(c.checkpoints());
        SoftmaxWeights teacherWeights;
        EarlyStopping teacherStopping = new EarlyStopping(v.patience(), c.checkpoints().resolve("teacher"));
        try (SoftmaxModel teacher = SoftmaxModel.create(items, v.embedding(), c.run().gruSize(), steps,
                c.run().seed() + 1)) {
            c.out().println("  [" + c.run().id() + "] teacher on privileged sequences");
            SoftmaxRun.trainer(c, teacherStopping).fit(teacher, PrivilegedSequences.of(split.train(), steps),
                    PrivilegedSequences.of(split.validation(), steps), items);
            teacherWeights = SoftmaxWeights.of(teacher);
        }
        try (DistillationModel model = DistillationModel.create(items, v.embedding(), c.run().gruSize(), steps,
                c.run().seed(), teacherWeights, v.lambda(), v.temperature(), v.softLabelTopK())) {
            model.usePrivilegedFrom(split.train());
            EarlyStopping stopping = new EarlyStopping(v.patience(), c.checkpoints().resolve("best"));
            c.out().println("  [" + c.run().id() + "] student");
            long start = System.nanoTime();
            List<EpochStats> history = SoftmaxRun.trainer(c, stopping).fit(model, split.train(), split.validation(),
                    items);
            double trainSeconds = (System.nanoTime() - start) / 1e9;
            EvaluationResult test = SoftmaxRun.evaluate(c, model);
            PredictionTimer.Timing timing = SoftmaxRun.TIMER.measure(model, c.data().test(), steps, items,
                    c.spec().protocol().cutoff());
            Map<String, String> facts = Map.of("teacher_best_epoch", Integer.toString(teacherStopping.bestEpoch()),
                    "teacher_validation_recall", Double.toString(teacherStopping.bestRecall()),
                    "soft_label_top_k", Integer.toString(v.softLabelTopK()));
            return new RunOutcome(test, split.train().size(), split.validation().size(), history,
                    stopping.bestEpoch(), trainSeconds, model.parameterCount(), timing, facts);
        }
    }
}
