/**
 * Measurement: ranks of the target item under both of GRU4Rec's tie modes, Recall@k and MRR@k over every test
 * prefix ({@link org.sessionrnn.eval.Evaluator}), training's validation pass
 * ({@link org.sessionrnn.eval.ValidationRanking}), and batch prediction timing. GRU models and baselines go through
 * the same {@link org.sessionrnn.eval.Ranker} interface and the same evaluator; an ensemble ranks by its members'
 * mean probability ({@link org.sessionrnn.eval.ProbabilityAverage}).
 */
package org.sessionrnn.eval;
