package org.sessionrnn.runner;

import java.nio.file.Files;
import java.util.Map;
import org.sessionrnn.data.PrivilegedSequences;
import org.sessionrnn.data.TrainValidation;
import org.sessionrnn.model.NeuralModel;
import org.sessionrnn.model.SoftmaxWeights;
import org.sessionrnn.results.EpochRecord;
import org.sessionrnn.spec.DistillationSettings;
import org.sessionrnn.spec.VariantSpec;

/**
 * M3: trains a teacher M1 on the privileged (reversed future) sequences of the run's fraction, with early
 * stopping on the privileged sequences of the validation split, then a student with the distillation loss of
 * {@link org.sessionrnn.model.TeacherDistillation}, early-stopped on the ordinary validation Recall@k.
 */
final class DistillationRun implements RunExecutor {
    @Override
    public RunOutcome execute(RunContext c) throws Exception {
        VariantSpec v = c.run().variant();
        int steps = c.spec().protocol().maxLength();
        TrainValidation split = NeuralSteps.split(c);
        Files.createDirectories(c.checkpoints());
        ModelFactory models = ModelFactory.of(c);
        SoftmaxWeights teacherWeights;
        CheckpointedTraining.Result taught;
        try (NeuralModel teacher = NeuralModel.build(models.softmax(c.run().seed() + 1))) {
            c.out().println("  [" + c.run().id() + "] teacher on privileged sequences");
            // checkpointed like the student, so an interrupted M3 run never trains its teacher twice
            taught = CheckpointedTraining.fit(c, c.checkpoints().resolve("teacher"), teacher, new TrainValidation(
                    PrivilegedSequences.of(split.train(), steps), PrivilegedSequences.of(split.validation(), steps)));
            teacherWeights = SoftmaxWeights.of(teacher);
        }
        c.out().println("  [" + c.run().id() + "] student");
        Map<String, String> facts = Map.of("teacher_best_epoch", Integer.toString(taught.bestEpoch()),
                "teacher_validation_recall",
                Double.toString(EpochRecord.recallOf(taught.history(), taught.bestEpoch())),
                "soft_label_top_k", Integer.toString(v.settings(DistillationSettings.class).softLabelTopK()),
                "teacher_seconds", Double.toString(taught.trainSeconds()));
        // the soft labels of exactly the sequences the student trains on (all of them in a refit)
        RunOutcome student = NeuralSteps.trainAndMeasure(c, train -> NeuralModel.build(
                models.distillation(() -> teacherWeights, train)), split, facts);
        // the run's training time is the teacher's and the student's: both are part of what M3 costs
        return student.plusTrainSeconds(taught.trainSeconds());
    }
}
