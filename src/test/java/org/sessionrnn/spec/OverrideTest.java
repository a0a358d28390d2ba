package org.sessionrnn.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverrideTest {
    private static final Path FRACTIONS = Path.of("experiments/fractions.yaml");

    private static ExperimentSpec load(String... sets) {
        return SpecLoader.load(FRACTIONS, List.of(sets), null);
    }

    @Test
    void pointsTheExampleAtGru4recFiles() {
        ExperimentSpec spec = load("data.source=gru4rec", "data.synthetic=null",
                "data.train=../shared/data/rsc15-100k/train_full.tsv", "data.test=../shared/data/rsc15-100k/test.tsv",
                "protocol.fractions=[1]");
        assertEquals("gru4rec", spec.data().source());
        assertEquals(Path.of("../shared/data/rsc15-100k/train_full.tsv"), spec.data().train());
        assertEquals(Path.of("../shared/data/rsc15-100k/test.tsv"), spec.data().test());
        assertNull(spec.data().synthetic());
        assertEquals(List.of(Fraction.ONE), spec.protocol().fractions());
        // m2 has no run at fraction 1 and sits this grid out; the other three models run
        assertEquals(List.of("m1-gru100-f1-s1", "m3-gru100-f1-s1", "m4-gru100-f1-s1", "pop-f1-s1", "spop-f1-s1",
                        "itemknn-f1-s1"),
                GridExpander.expand(spec).stream().map(RunSpec::id).toList());
    }

    @Test
    void pointsTheExampleAtRawYoochoose() {
        ExperimentSpec spec = load("data.source=yoochoose", "data.synthetic=null", "data.path=/data/yoochoose-clicks.dat");
        assertEquals(Path.of("/data/yoochoose-clicks.dat"), spec.data().path());
    }

    @Test
    void fractionsAsCommaListAndVariantsByIndexOrLabel() {
        ExperimentSpec spec = load("protocol.fractions=1/256,1", "variants.0.max_epochs=3",
                "variants.m1.patience=5", "seeds=[1,2]");
        assertEquals(List.of(new Fraction(1, 256), Fraction.ONE), spec.protocol().fractions());
        assertEquals(3, spec.variants().get(0).training().maxEpochs());
        assertEquals(5, spec.variants().get(0).training().patience());
        assertEquals(List.of(1L, 2L), spec.seeds());
    }

    @Test
    void appendsVariantsAndCreatesMissingSections() {
        ExperimentSpec spec = load("variants.7.model=m1", "variants.7.label=m1b", "data.synthetic.clicks=1000");
        assertEquals(List.of("m1", "m2", "m3", "m4", "pop", "spop", "itemknn", "m1b"),
                spec.variants().stream().map(VariantSpec::label).toList());
        assertEquals(1000, spec.data().synthetic().clicks());
        assertEquals(SyntheticSpec.DEFAULT.items(), spec.data().synthetic().items());
    }

    @Test
    void nullRestoresTheDefaultAndOutputFlagReplacesOutput() {
        ExperimentSpec spec = SpecLoader.load(FRACTIONS, List.of("protocol.fractions=null"), Path.of("/tmp/out"));
        assertEquals(ProtocolSpec.DEFAULT.fractions(), spec.protocol().fractions());
        assertEquals(Path.of("/tmp/out"), spec.output());
        assertEquals(Path.of("/tmp/out/fractions"), spec.experimentDir());
    }

    @Test
    void malformedOrMisaddressedOverridesAreReportedAtTheFlag() {
        assertMessage("--set variants.m9.max_epochs=3: variants: no entry labelled 'm9'", "variants.m9.max_epochs=3");
        assertMessage("--set variants.8.model=pop: variants: index 8 is past the end (the list has 7 entries; use 7"
                + " to append)", "variants.8.model=pop");
        assertMessage("--set cutoff: expected key=value, e.g. --set protocol.cutoff=10", "cutoff");
        assertMessage("--set variants.0.max_epoch=3: unknown key 'max_epoch' in variants[0] (did you mean "
                + "'max_epochs'?)", "variants.0.max_epoch=3");
        assertMessage("--set protocol.fractions=[1, 2: malformed YAML: expected ',' or ']', but got <stream end> "
                + "(while parsing a flow sequence started at line 1, column 1)", "protocol.fractions=[1, 2");
        assertMessage("--set name=..: name: '..' is not a plain name: use letters, digits, '.', '_' and '-' only "
                + "(not '.' or '..'), since results go to output/<name>", "name=..");
    }

    private static void assertMessage(String expected, String assignment) {
        SpecException e = assertThrows(SpecException.class, () -> load(assignment));
        assertEquals(expected, e.getMessage());
    }
}
