/**
 * The results store: what a run leaves in {@code runs/<id>/} and how it is read back. {@link
 * org.sessionrnn.results.RunRecord} (with its {@link org.sessionrnn.results.RunStatus}) and {@link
 * org.sessionrnn.results.RunRecordIo} ({@code run.json}, whose flat layout {@code RunJson} keeps) with its
 * {@link org.sessionrnn.results.RunProvenance}, {@link org.sessionrnn.results.RankFile} ({@code ranks.bin}, the rank of the target of every test prefix), {@link
 * org.sessionrnn.results.EpochRecord} (one epoch, as trained and as recorded) and {@link
 * org.sessionrnn.results.RunKey} (a grid point apart from the seed). Written by the runner, read by the report;
 * every file is written atomically.
 */
package org.sessionrnn.results;
