/**
 * Export of a trained run as a TensorFlow SavedModel for serving ({@link org.sessionrnn.export.ModelExporter},
 * {@link org.sessionrnn.export.RunExport}) and loading an export back for inference
 * ({@link org.sessionrnn.export.ExportedModel}). Each model kind contributes its {@link
 * org.sessionrnn.export.ScoringHead}; the GRU encoder is the training code's own.
 */
package org.sessionrnn.export;
