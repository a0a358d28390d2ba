package org.sessionrnn.spec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The model kinds a spec may name. The spec stage is the lowest floor, so it does not import the kinds: the
 * floor that defines them provides an implementation through {@link ServiceLoader} (listed in {@code
 * META-INF/services/org.sessionrnn.spec.ModelCatalogue}).
 */
public interface ModelCatalogue {
    /** This provider's kinds, in the order specs and messages list them. */
    List<? extends ModelSchema> models();

    /** Every kind of every provider on the class path. */
    static List<ModelSchema> all() {
        return Holder.ALL;
    }

    /** The kind named {@code id}, if any. */
    static Optional<ModelSchema> find(String id) {
        return all().stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** The kind named {@code id}; for names already validated by the spec reader. */
    static ModelSchema of(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("unknown model " + id));
    }

    /** Loaded once, on first use. */
    final class Holder {
        private static final List<ModelSchema> ALL = load();

        private Holder() {
        }

        private static List<ModelSchema> load() {
            List<ModelSchema> all = new ArrayList<>();
            // providers in class name order, so that the order of kinds does not depend on the class path
            ServiceLoader.load(ModelCatalogue.class, ModelCatalogue.class.getClassLoader()).stream()
                    .sorted(Comparator.comparing(p -> p.type().getName()))
                    .forEach(p -> all.addAll(p.get().models()));
            if (all.isEmpty()) {
                throw new IllegalStateException("no model kinds on the class path (META-INF/services/"
                        + ModelCatalogue.class.getName() + ")");
            }
            all.forEach(Holder::checkKeys);
            return List.copyOf(all);
        }

        /** A key the kind reads but its settings do not hold would be accepted and then ignored. */
        static void checkKeys(ModelSchema kind) {
            var held = kind.defaultSettings().specValues().keySet();
            kind.ownKeys().stream().filter(key -> !held.contains(key)).findFirst().ifPresent(key -> {
                throw new IllegalStateException("model kind " + kind.id() + " reads '" + key + "', which its "
                        + kind.defaultSettings().getClass().getSimpleName() + " does not hold");
            });
        }
    }
}
