/**
 * Recommendations from an exported model: the {@link org.sessionrnn.serve.Recommender} behind both the
 * {@code recommend} command and the HTTP {@link org.sessionrnn.serve.ModelServer} (TF Serving's REST shape, a
 * {@link org.sessionrnn.serve.MicroBatcher} across clients), and a loopback {@link
 * org.sessionrnn.serve.LoadGenerator} for tests and the benchmark.
 */
package org.sessionrnn.serve;
