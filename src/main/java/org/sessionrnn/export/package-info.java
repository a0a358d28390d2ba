/**
 * Export of a trained run as a TensorFlow SavedModel for serving ({@link org.sessionrnn.export.ModelExporter},
 * {@link org.sessionrnn.export.RunExport}) and loading an export back for inference
 * ({@link org.sessionrnn.export.ExportedModel}). The inference graph is the kind's own forward block
 * ({@link org.sessionrnn.model.ForwardBlock}) over padded input, the block the runner trained.
 */
package org.sessionrnn.export;
