package org.sessionrnn.runner;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sessionrnn.data.TrainValidation;
import org.sessionrnn.eval.EvaluationResult;
import org.sessionrnn.eval.PredictionTimer;
import org.sessionrnn.model.SessionModel;
import org.sessionrnn.spec.ProtocolSpec;

/** The part every GRU executor shares once its model is built: train (resumable), evaluate, time. */
final class NeuralRun {
    private NeuralRun() {
    }

    /**
     * Trains {@code model} on {@code split} with early stopping and checkpoints, then evaluates it on the
     * test prefixes and times its batch predictions.
     *
     * @param facts variant-specific provenance to record with the run
     */
    static RunOutcome trainAndMeasure(RunContext c, SessionModel model, TrainValidation split,
                                      Map<String, String> facts) throws IOException {
        CheckpointedTraining.Result trained = CheckpointedTraining.fit(c, model, split);
        ProtocolSpec p = c.spec().protocol();
        EvaluationResult test = SoftmaxRun.evaluate(c, model);
        PredictionTimer.Timing timing = SoftmaxRun.TIMER.measure(model, c.data().test(), p.maxLength(),
                c.data().items(), p.cutoff());
        Map<String, String> all = new LinkedHashMap<>(facts);
        all.putAll(trained.facts());
        return new RunOutcome(test, split.train().size(), split.validation().size(), trained.history(),
                trained.bestEpoch(), trained.trainSeconds(), model.parameterCount(), timing, all);
    }
}
