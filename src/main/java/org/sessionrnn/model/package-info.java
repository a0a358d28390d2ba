/**
 * The TensorFlow graphs. A neural model is a {@link org.sessionrnn.model.ForwardBlock} (its variables and the
 * scores it computes from packed training input or padded inference input, {@link org.sessionrnn.model.Clicks}),
 * a {@link org.sessionrnn.model.Loss} and {@link org.sessionrnn.model.TrainingOptions}, together
 * {@link org.sessionrnn.model.ModelParts}; {@link org.sessionrnn.model.NeuralModel} is the one training-graph
 * builder (ranking head, gradients, clipping, optimiser, checkpoints) every kind shares. The blocks:
 * {@link org.sessionrnn.model.SoftmaxBlock} (M1, M2, M3's student, m1plus) and
 * {@link org.sessionrnn.model.EmbeddingCosineBlock} (M4), both over the shared
 * {@link org.sessionrnn.model.GruEncoder}; the losses: {@link org.sessionrnn.model.SoftmaxLoss},
 * {@link org.sessionrnn.model.TeacherDistillation} (M3, with {@code DistillationLoss}) and M4's cosine distance.
 * Models implement {@link org.sessionrnn.model.SessionModel} so that training, evaluation and timing treat them
 * alike. {@link org.sessionrnn.model.TfSessions} opens TensorFlow sessions (not click sessions).
 */
package org.sessionrnn.model;
