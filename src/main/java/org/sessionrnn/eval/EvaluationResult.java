package org.sessionrnn.eval;

/**
 * The outcome of one evaluation pass.
 *
 * @param metrics           Recall@k and MRR@k in both tie modes
 * @param standardRanks     target rank of each test prefix, standard tie mode, in test order
 * @param conservativeRanks target rank of each test prefix, conservative tie mode
 * @param seconds           wall time of the pass
 */
public record EvaluationResult(RankingMetrics metrics, int[] standardRanks, int[] conservativeRanks,
                               double seconds) {
}
