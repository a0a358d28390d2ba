/**
 * The data stage: reading click files ({@link org.sessionrnn.data.YoochooseReader},
 * {@link org.sessionrnn.data.Gru4recTsvReader}, {@link org.sessionrnn.data.DelimitedReader}), reading SR-GNN's
 * pickled prefix files ({@link org.sessionrnn.data.SrgnnReader}, which admits lists of ints only) or generating them
 * ({@link org.sessionrnn.data.SyntheticClickGenerator}), GRU4Rec's RSC15 preprocessing and last-day split
 * ({@link org.sessionrnn.data.Rsc15Preprocessor}), prefix sequences ({@link org.sessionrnn.data.SequenceBuilder})
 * and the per-run selection of recent fractions and validation sessions
 * ({@link org.sessionrnn.data.SequenceSplitter}). {@link org.sessionrnn.data.DataLoader} ties these together for
 * a {@link org.sessionrnn.spec.DataSpec}. Every problem with input data is a
 * {@link org.sessionrnn.data.DataException} whose message names file and line.
 */
package org.sessionrnn.data;
