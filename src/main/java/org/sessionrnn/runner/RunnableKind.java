package org.sessionrnn.runner;

import org.sessionrnn.model.ModelParts;
import org.sessionrnn.spec.ModelCatalogue;
import org.sessionrnn.spec.ModelSchema;

/**
 * A model kind the runner can run: what the spec knows of it, plus its executor and, for a GRU model, the model
 * it trains ({@link #model}). {@link ModelKind} holds the project's kinds; a kind defined elsewhere (a
 * test's, an extension's) is one more implementation listed by a {@link ModelCatalogue}.
 */
public interface RunnableKind extends ModelSchema {
    /** A new executor for one run of this kind. */
    RunExecutor newExecutor();

    /**
     * The model a run of this kind trains, built by {@code models}: its forward block, loss and training options.
     * Preflight builds it to check the graph (with placeholder weights where the run starts from trained ones),
     * an export builds the block's inference graph. Null for a kind without a graph (the baselines).
     */
    default ModelParts model(ModelFactory models) {
        return null;
    }

    /** The kind named {@code id} (a name the spec reader has accepted). */
    static RunnableKind of(String id) {
        if (ModelCatalogue.of(id) instanceof RunnableKind kind) {
            return kind;
        }
        throw new IllegalStateException("model " + id + " has no executor");
    }
}
