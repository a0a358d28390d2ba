/**
 * The {@code bench} command: throughput of preprocessing, M1 training and evaluation, M4-style prediction,
 * peak memory and a reference MatMul, on synthetic inputs; plus {@link org.sessionrnn.bench.SampleCheck}, the
 * accuracy guard for speed work on the real sample.
 */
package org.sessionrnn.bench;
