/**
 * Runs an experiment's grid ({@link org.sessionrnn.runner.ExperimentRunner}): prepares the data once, checks every
 * run can start ({@code Preflight}), executes each run with the executor of its
 * {@link org.sessionrnn.runner.ModelKind} through {@link org.sessionrnn.runner.RunAttempt} (the run's record
 * written {@code running}, then {@code done} with its metrics and provenance or {@code failed} with why; the
 * lifecycle a search's trials go through too). The
 * summary, figures and tables are written through the {@link org.sessionrnn.runner.GridReport} its caller hands
 * in, so that the runner imports nothing from {@code report}, which stands above it.
 *
 * <p>Model kinds are defined once, in {@code ModelKind}. Executors ({@code SoftmaxRun} M1, {@code FineTuneRun}
 * M2, {@code DistillationRun} M3, {@code EmbeddingOutputRun} M4, {@code NeuralRun} m1plus and any kind that
 * needs only its model, {@code BaselineRun}, {@code EnsembleRun} the mean of other runs' probabilities, which it
 * reads from their finished records and checkpoints) stand alone: they build models through {@code ModelFactory}, share the neural steps of {@code NeuralSteps} and
 * {@code CheckpointedTraining}, and the pre-trained M1 of {@code PretrainedModels}; none calls another.
 */
package org.sessionrnn.runner;
