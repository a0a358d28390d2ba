package org.sessionrnn.eval;

import org.sessionrnn.data.SequenceSet;
import org.sessionrnn.model.Batch;
import org.sessionrnn.model.SessionModel;

/** Lets the {@link Evaluator} rank with a GRU model: fills a batch from the sequences and ranks it by the model. */
public final class ModelRanker implements Ranker {
    private final SessionModel model;
    private final Batch batch;
    private final int[] clicks;

    public ModelRanker(SessionModel model, int batchSize, int maxLength, int items) {
        this.model = model;
        this.batch = new Batch(batchSize, maxLength, items);
        this.clicks = new int[maxLength];
    }

    @Override
    public void rank(SequenceSet sequences, int from, int to, int[] standard, int[] conservative) {
        Ranker.fill(batch, clicks, sequences, from, to);
        model.rank(batch, standard, conservative);
    }

    @Override
    public int batchSize() {
        return batch.capacity();
    }
}
