/**
 * The TensorFlow graphs. Every GRU variant shares {@link org.sessionrnn.model.GruEncoder} (item embedding plus one
 * GRU layer over the real clicks of each input) and {@link org.sessionrnn.model.GraphModel} (graph and session,
 * the ranking head that ranks each test prefix's target among all items, optimizer feeding, checkpoints);
 * {@link org.sessionrnn.model.SoftmaxModel} is M1 (and M2), {@link org.sessionrnn.model.DistillationModel} M3
 * with its loss {@code DistillationLoss}, {@link org.sessionrnn.model.EmbeddingOutputModel} M4. Models implement
 * {@link org.sessionrnn.model.SessionModel} so that training, evaluation and timing treat them alike.
 * {@link org.sessionrnn.model.TfSessions} opens TensorFlow sessions (not click sessions).
 */
package org.sessionrnn.model;
