/**
 * The TensorFlow graphs. Every GRU variant shares {@link org.sessionrnn.model.GruEncoder} (item embedding plus one
 * GRU layer unrolled over the input steps); {@link org.sessionrnn.model.SoftmaxModel} is M1. Models implement
 * {@link org.sessionrnn.model.SessionModel} so that training, evaluation and timing treat them alike.
 */
package org.sessionrnn.model;
