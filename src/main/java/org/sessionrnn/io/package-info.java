/**
 * The ground floor, used by every stage: {@link org.sessionrnn.io.AtomicFiles} (write a file so that readers
 * see the old or the new content, never half of it) and {@link org.sessionrnn.io.Sha256} (the one content
 * fingerprint used for data, spec, configuration and cache hashes), {@link org.sessionrnn.io.ParserMessages} (a JSON
 * or YAML parser's message without its advice to programmers). Imports nothing from the project.
 */
package org.sessionrnn.io;
