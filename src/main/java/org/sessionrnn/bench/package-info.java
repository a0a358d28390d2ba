/**
 * The {@code bench} command: throughput of preprocessing, M1 training and evaluation, M4-style prediction,
 * peak memory and a reference MatMul, on synthetic inputs. Developer tools for speed work (A/B timing, per-op
 * profiles, the accuracy guard on the real sample) live beside the tests, under {@code src/test}.
 */
package org.sessionrnn.bench;
