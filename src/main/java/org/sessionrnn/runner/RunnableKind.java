package org.sessionrnn.runner;

import org.sessionrnn.model.SessionModel;
import org.sessionrnn.spec.ModelCatalogue;
import org.sessionrnn.spec.ModelSchema;

/**
 * A model kind the runner can run: what the spec knows of it, plus its executor and, for a GRU model, the graph
 * that the preflight check builds. {@link ModelKind} holds the project's kinds; a kind defined elsewhere (a
 * test's, an extension's) is one more implementation listed by a {@link ModelCatalogue}.
 */
public interface RunnableKind extends ModelSchema {
    /** A new executor for one run of this kind. */
    RunExecutor newExecutor();

    /**
     * The graph a run of this kind trains, with placeholder weights where it starts from trained ones, so that
     * preflight can check it builds; null for a kind without a graph (the baselines).
     */
    SessionModel preflightGraph(ModelFactory models);

    /** How the kind's trained graph scores items at inference; {@link OutputLayer#NONE} (not exportable) by default. */
    default OutputLayer outputLayer() {
        return OutputLayer.NONE;
    }

    /** The kind named {@code id} (a name the spec reader has accepted). */
    static RunnableKind of(String id) {
        if (ModelCatalogue.of(id) instanceof RunnableKind kind) {
            return kind;
        }
        throw new IllegalStateException("model " + id + " has no executor");
    }
}
