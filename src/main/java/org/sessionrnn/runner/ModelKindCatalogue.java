package org.sessionrnn.runner;

import java.util.List;
import org.sessionrnn.spec.ModelCatalogue;

/** Offers the {@link ModelKind}s to the spec stage (registered in META-INF/services). */
public final class ModelKindCatalogue implements ModelCatalogue {
    @Override
    public List<ModelKind> models() {
        return List.of(ModelKind.values());
    }
}
