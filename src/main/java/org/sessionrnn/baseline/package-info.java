/**
 * The non-neural baselines of the paper, POP, S-POP and Item-KNN, defined exactly as GRU4Rec's
 * {@code baselines.py} (github.com/hidasib/GRU4Rec, classes {@code Pop}, {@code SessionPop} and {@code ItemKNN})
 * defines them, reimplemented on primitive arrays.
 *
 * <p>Each baseline is trained on {@link org.sessionrnn.baseline.TrainingClicks}, the clicks covered by a
 * training {@link org.sessionrnn.data.SequenceSet}, and is an {@link org.sessionrnn.eval.Ranker}: it scores all
 * {@code m} catalogue items for every test prefix and ranks the target with {@link org.sessionrnn.eval.Ranks}.
 * Scores are order-preserving encodings of GRU4Rec's scores where float precision would otherwise merge
 * distinct values (see each ranker), so ranks in both tie modes equal the ones GRU4Rec's exact (float64) scores
 * give. {@link org.sessionrnn.baseline.Baselines} fits each on a fraction.
 */
package org.sessionrnn.baseline;
