package org.sessionrnn.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A grid cell's text, which enters its run's configuration hash, keeps the form the first results were hashed by. */
class RunConfigTextTest {
    @Test
    void aCellKeepsItsText() {
        RunSpec run = new RunSpec("pop-f1_4-s3", VariantSpec.defaults("pop"), 0, new Fraction(1, 4), 3);
        assertEquals("RunSpec[id=pop-f1_4-s3, variant=VariantSpec[label=pop, model=pop, gruSizes=[0], embedding=50, "
                + "embeddingDropout=0.25, batchSize=512, learningRate=0.001, maxEpochs=10, patience=2, lambda=0.2, "
                + "temperature=1.0, softLabelTopK=0, hiddenSize=0, neighbours=100, knnLambda=20.0, knnAlpha=0.5], "
                + "gruSize=0, fraction=1/4, seed=3]", run.toString());
    }
}
