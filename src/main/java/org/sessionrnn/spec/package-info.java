/**
 * The {@code spec} stage: YAML experiment specs become validated, immutable records and then a grid of runs.
 *
 * <ul>
 *   <li>{@link org.sessionrnn.spec.SpecLoader} parses a spec file, applies {@code --set}/{@code --output}
 *       overrides and validates it strictly into an {@link org.sessionrnn.spec.ExperimentSpec}; problems are
 *       {@link org.sessionrnn.spec.SpecException}s with one-line {@code file:line:column} messages.</li>
 *   <li>{@link org.sessionrnn.spec.GridExpander} turns a spec into {@link org.sessionrnn.spec.RunSpec}s with
 *       stable, file-name-safe ids.</li>
 *   <li>{@link org.sessionrnn.spec.SpecLoader#loadTune} reads a spec with a {@code search} section for the
 *       {@code tune} command into a {@link org.sessionrnn.spec.TuneSpec} ({@link org.sessionrnn.spec.SearchSpec},
 *       {@link org.sessionrnn.spec.SearchParam}), checking every value the search can draw up front.</li>
 *   <li>{@link org.sessionrnn.spec.SpecWriter} writes the resolved spec back to YAML and fingerprints it.</li>
 *   <li>Each settings record ({@link org.sessionrnn.spec.ModelSettings}) declares its keys once, as
 *       {@link org.sessionrnn.spec.Key} constants listed in its {@link org.sessionrnn.spec.KeyTable}; reading,
 *       writing, defaults, the configuration text and the README's key table derive from it.</li>
 * </ul>
 * Package-private helpers: {@code YamlTreeReader} (YAML to located tree), {@code SourceMap} (node locations),
 * {@code OverrideApplier} ({@code --set}), {@code Section}/{@code Value}/{@code Interval} (typed, located field
 * access), {@code Schema} (key names and applicability),
 * {@code SettingsTypes} (every key table), {@code ConfigText} (a variant's configuration text), {@code KeyDocs} (the
 * README's key table), {@code SpecReader}/{@code DataSectionReader}/
 * {@code ProtocolReader}/{@code VariantReader}/{@code SearchReader} (one section each), {@code Suggestions} ("did you mean").
 */
package org.sessionrnn.spec;
