package org.sessionrnn.runner;

import java.util.List;
import java.util.Map;
import org.sessionrnn.baseline.Baselines;
import org.sessionrnn.data.SequenceSet;
import org.sessionrnn.data.SequenceSplitter;
import org.sessionrnn.eval.EvaluationResult;
import org.sessionrnn.eval.Evaluator;
import org.sessionrnn.eval.Ranker;
import org.sessionrnn.spec.VariantSpec;

/**
 * POP, S-POP and Item-KNN: fitted on the run's whole fraction (they have no epochs to stop early, so nothing
 * is held out) and evaluated by the same evaluator as the GRU models.
 */
public final class BaselineRun implements RunExecutor {
    @Override
    public RunOutcome execute(RunContext c) {
        VariantSpec v = c.run().variant();
        SequenceSet fraction = SequenceSplitter.recentFraction(c.data().trainByTime(), c.run().fraction());
        long start = System.nanoTime();
        Ranker ranker = Baselines.fit(v.model(), fraction, c.data().items(), c.spec().protocol().maxLength(),
                v.neighbours(), v.knnLambda(), v.knnAlpha());
        double fitSeconds = (System.nanoTime() - start) / 1e9;
        EvaluationResult test = new Evaluator(c.spec().protocol().cutoff()).evaluate(ranker, c.data().test());
        c.out().printf("  [%s] fitted in %.1fs%n", c.run().id(), fitSeconds);
        return new RunOutcome(test, fraction.size(), 0, List.of(), 0, fitSeconds, 0, null, Map.of());
    }
}
