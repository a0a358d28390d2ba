/**
 * The training loop ({@link org.sessionrnn.train.Trainer}) and its listeners: progress output, early stopping on
 * validation Recall@k with the best weights restored. Everything random in an epoch derives from (seed, epoch).
 */
package org.sessionrnn.train;
