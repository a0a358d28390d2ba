/**
 * The training loop ({@link org.sessionrnn.train.Trainer}) and its listeners: progress output, early stopping on
 * validation Recall@k with the best weights restored, checkpoints after every epoch and inside epochs. Everything
 * random derives from (seed, epoch) for an epoch's order and (seed, epoch, batch) for a batch's click deletion,
 * so training resumed at any batch boundary continues exactly as it would have without the interruption.
 */
package org.sessionrnn.train;
