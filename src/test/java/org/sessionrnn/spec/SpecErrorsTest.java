package org.sessionrnn.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every kind of bad spec gives one exact, located message: fixture file, line:column, field, value, rule. */
class SpecErrorsTest {
    private static final String DIR = "src/test/resources/specs/";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown-key.yaml         | 6:5: unknown key 'max_epoch' in variants[0] (did you mean 'max_epochs'?)
            wrong-type.yaml          | 2:8: seeds: expected a list of integers, got 'abc'
            fraction-range.yaml      | 5:25: protocol.fractions[2]: 3/2 is outside (0, 1]
            bad-dropout.yaml         | 6:24: variants[1].embedding_dropout: 1.0 must be in [0, 1)
            duplicate-label.yaml     | 5:12: variants[2].model: duplicate label 'm3' (also used by variants[1]); give each variant a distinct label
            malformed.yaml           | 4:9: malformed YAML: expected ',' or ']', but got : (while parsing a flow sequence started at line 3, column 14)
            missing-name.yaml        | 2:1: missing required key 'name'
            missing-variants.yaml    | 1:1: missing required key 'variants'
            empty-variants.yaml      | 2:11: variants: must list at least one entry
            empty.yaml               | 1:1: the spec is empty; it needs at least 'name' and 'variants'
            duplicate-key.yaml       | 3:1: duplicate key 'seeds'
            zero-batch.yaml          | 4:17: variants[0].batch_size: 0 must be >= 1
            zero-epochs.yaml         | 4:17: variants[0].max_epochs: 0 must be >= 1
            negative-rate.yaml       | 4:20: variants[0].learning_rate: -0.1 must be > 0
            zero-gru.yaml            | 4:22: variants[0].gru_sizes[1]: 0 must be >= 1
            zero-cutoff.yaml         | 3:11: protocol.cutoff: 0 must be >= 1
            zero-max-length.yaml     | 3:15: protocol.max_length: 0 must be >= 1
            zero-session-length.yaml | 4:25: data.preprocess.min_session_length: 0 must be >= 1
            validation-share.yaml    | 3:21: protocol.validation_share: 0.6 must be in (0, 0.5]
            bad-name.yaml            | 1:7: name: '../evil' is not a plain name: use letters, digits, '.', '_' and '-' only (not '.' or '..'), since results go to output/<name>
            unknown-source.yaml      | 3:11: data.source: 'yochoose' is not a data source; expected one of synthetic, yoochoose, gru4rec, srgnn, csv (did you mean 'yoochoose'?)
            unknown-model.yaml       | 3:12: variants[0].model: 'm5' is not a model; expected one of m1, m2, m3, m4, m1plus, m1norm, pop, spop, itemknn, ensemble (did you mean 'm1'?)
            missing-path.yaml        | 3:3: data: missing required key 'path' (data source yoochoose reads it)
            foreign-key.yaml         | 4:5: variants[0].lambda: does not apply to model m1 (remove it, or add --set variants.0.lambda=null)
            baseline-gru.yaml        | 4:5: variants[0].gru_sizes: does not apply to model pop (remove it, or add --set variants.0.gru_sizes=null)
            inapplicable-block.yaml  | 5:3: data.synthetic: does not apply to data source gru4rec (remove it, or add --set data.synthetic=null)
            m2-only-full.yaml        | 3:12: variants[0].model: m2 does not run at fraction 1, and protocol.fractions has no other fraction
            bad-leaderboard.yaml     | 3:16: protocol.leaderboard: 'yoochoose' is not a leaderboard; expected one of yoochoose1_64, yoochoose1_4, diginetica, auto, none (did you mean 'yoochoose1_4'?)
            leaderboard-cutoff.yaml  | 4:16: protocol.leaderboard: the published numbers are Recall@20 and MRR@20, but protocol.cutoff is 10; set cutoff to 20 or leaderboard to none
            zero-data-fraction.yaml  | 3:18: protocol.data_fraction: 0 is outside (0, 1]
            """)
    void badSpecGivesOneExactLocatedMessage(String fixture, String expected) {
        SpecException e = assertThrows(SpecException.class, () -> SpecLoader.load(Path.of(DIR + fixture)));
        assertEquals(DIR + fixture + ":" + expected, e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            seeds=[1, -2]                      | seeds[1]: -2 must be >= 0
            seeds=[1, 1]                       | seeds[1]: seed 1 is listed twice
            protocol.fractions=1/4,2/8         | protocol.fractions: fraction 1/4 is listed twice
            protocol.fractions=[0]             | protocol.fractions[0]: 0 is outside (0, 1]
            protocol.fractions=[abc]           | protocol.fractions[0]: expected a fraction like 1/256, 0.25 or 1, got 'abc'
            name=.                             | name: '.' is not a plain name: use letters, digits, '.', '_' and '-' only (not '.' or '..'), since results go to output/<name>
            variants.m1.label=a-b              | variants[0].label: 'a-b' is not a plain label: use letters, digits, '.' and '_' only ('-' separates the parts of run ids)
            data.source=csv                    | data: missing required key 'path' (data source csv reads it)
            data.source=gru4rec                | data: missing required key 'train' (data source gru4rec reads it)
            variants.0.patience=0              | variants[0].patience: 0 must be >= 1
            variants.0.embedding=2.5           | variants[0].embedding: expected an integer, got 2.5
            data.synthetic.clusters=5000       | data.synthetic.clusters: 5000 must be in [1, 3000]
            data.preprocess.test_days=30       | data.preprocess.test_days: 30 must be in (0, 30)
            variants.m1.model=m2               | variants[0].model: m2 does not run at fraction 1, and protocol.fractions has no other fraction
            variants.m1.fractions=[1/4,0.25]   | variants[0].fractions[1]: fraction 1/4 is listed twice
            variants.m1.fractions=[2]          | variants[0].fractions[0]: 2 is outside (0, 1]
            variants.m1.fractions=[]           | variants[0].fractions: must list at least one fraction
            protocol.leaderboard=yoochoose1_16 | protocol.leaderboard: 'yoochoose1_16' is not a leaderboard; expected one of yoochoose1_64, yoochoose1_4, diginetica, auto, none (did you mean 'yoochoose1_64'?)
            protocol.leaderboard=[diginetica]  | protocol.leaderboard: expected a string, got a list
            protocol.data_fraction=0           | protocol.data_fraction: 0 is outside (0, 1]
            protocol.data_fraction=2           | protocol.data_fraction: 2 is outside (0, 1]
            protocol.data_fraction=x           | protocol.data_fraction: expected a fraction like 1/256, 0.25 or 1, got 'x'
            protocol.data_fraction=1/0         | protocol.data_fraction: 1/0 divides by zero; write a fraction like 1/256, 0.25 or 1
            protocol.data_fraction=65/64       | protocol.data_fraction: 65/64 is outside (0, 1]
            protocol.data_fraction=-1/64       | protocol.data_fraction: expected a fraction like 1/256, 0.25 or 1, got '-1/64'
            """)
    void badOverrideIsLocatedAtTheSetFlag(String assignment, String expected) {
        SpecException e = assertThrows(SpecException.class, () -> SpecLoader.load(Path.of(DIR + "base.yaml"),
                List.of(assignment), null));
        assertEquals("--set " + assignment + ": " + expected, e.getMessage());
    }
}
