package org.sessionrnn.runner;

/** Picks the executor of a model name. */
final class Executors {
    private Executors() {
    }

    static RunExecutor forModel(String model) {
        return switch (model) {
            case "m1" -> new SoftmaxRun();
            case "m2" -> new FineTuneRun();
            case "m3" -> new DistillationRun();
            case "m4" -> new EmbeddingOutputRun();
            case "pop", "spop", "itemknn" -> new BaselineRun();
            default -> throw new IllegalArgumentException("model " + model + " has no executor");
        };
    }
}
