/**
 * The {@code tune} stage: hyperparameter search over one variant of a spec by random search with successive
 * halving, on validation metrics only.
 *
 * <ul>
 *   <li>{@link org.sessionrnn.tune.TrialSampler} draws the settings of every trial from the spec's
 *       {@code search} section, deterministically from its seed.</li>
 *   <li>{@link org.sessionrnn.tune.Rungs} is the successive-halving schedule: epoch budgets per rung and how
 *       many trials each rung keeps.</li>
 *   <li>{@link org.sessionrnn.tune.Tuner} runs the search (one run folder per trial, each rung trained through the
 *       runner's {@code RunAttempt}, resumable, the test split withheld; registered on its folder as an unsharded
 *       runner is, so no other search or runner uses it meanwhile), writes {@code trials.csv}, the chart and
 *       {@code best.yaml}, then trains the best setting as the spec's protocol says and evaluates it on the test
 *       set once.</li>
 * </ul>
 * It sits above {@code runner} (whose executors and checkpointed training it reuses) and {@code report}, and
 * below {@code cli}.
 */
package org.sessionrnn.tune;
