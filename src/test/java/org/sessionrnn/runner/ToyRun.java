package org.sessionrnn.runner;

import java.util.List;
import java.util.Map;
import org.sessionrnn.data.SequenceSet;
import org.sessionrnn.eval.EvaluationResult;
import org.sessionrnn.eval.Evaluator;
import org.sessionrnn.eval.Ranker;

/**
 * The executor of {@link ToyKind}: every item scores minus its index, whatever the session, so the target
 * {@code t} ranks {@code t + 1} under both tie modes.
 */
final class ToyRun implements RunExecutor {
    private static final Ranker BY_INDEX = (SequenceSet sequences, int from, int to, int[] standard,
                                            int[] conservative) -> {
        for (int j = 0; j < to - from; j++) {
            standard[j] = sequences.label(from + j) + 1;
            conservative[j] = standard[j];
        }
    };

    @Override
    public RunOutcome execute(RunContext c) {
        EvaluationResult test = new Evaluator(c.spec().protocol().cutoff()).evaluate(BY_INDEX, c.data().test());
        return new RunOutcome(test, 0, 0, List.of(), 0, 0, 0, null, Map.of());
    }
}
