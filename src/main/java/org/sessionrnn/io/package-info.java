/**
 * The ground floor, used by every stage: {@link org.sessionrnn.io.AtomicFiles} (write a file so that readers
 * see the old or the new content, never half of it), {@link org.sessionrnn.io.Sha256} (the one content
 * fingerprint used for data, spec, configuration and cache hashes), {@link org.sessionrnn.io.ParserMessages} (a JSON
 * or YAML parser's message without its advice to programmers), {@link org.sessionrnn.io.FileSniffer} (a file
 * that should be text but is compressed, binary or UTF-16, refused before a parser sees it) and
 * {@link org.sessionrnn.io.Limits} (the largest sizes a spec or flag may ask for, and the memory a GRU model
 * needs at least). Imports nothing from the project.
 */
package org.sessionrnn.io;
