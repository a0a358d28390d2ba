package org.sessionrnn.runner;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.sessionrnn.data.SequenceSet;
import org.sessionrnn.data.SequenceSplitter;
import org.sessionrnn.eval.EvaluationResult;
import org.sessionrnn.eval.Evaluator;
import org.sessionrnn.eval.Ranker;

/**
 * POP, S-POP and Item-KNN: fitted on the run's whole fraction (they have no epochs to stop early, so nothing
 * is held out) and evaluated by the same evaluator as the GRU models. The kind supplies the fitting.
 */
final class BaselineRun implements RunExecutor {
    private final BiFunction<SequenceSet, RunContext, Ranker> fit;

    /** @param fit fits the baseline on a fraction's training sequences with the run's settings */
    BaselineRun(BiFunction<SequenceSet, RunContext, Ranker> fit) {
        this.fit = fit;
    }

    @Override
    public RunOutcome execute(RunContext c) {
        SequenceSet fraction = SequenceSplitter.recentFraction(c.data().trainByTime(), c.run().fraction());
        long start = System.nanoTime();
        Ranker ranker = fit.apply(fraction, c);
        double fitSeconds = (System.nanoTime() - start) / 1e9;
        EvaluationResult test = new Evaluator(c.spec().protocol().cutoff()).evaluate(ranker, c.data().test());
        c.out().printf("  [%s] fitted in %.1fs%n", c.run().id(), fitSeconds);
        return new RunOutcome(test, fraction.size(), 0, List.of(), 0, fitSeconds, 0, null, Map.of());
    }
}
