package org.sessionrnn.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --debug} flag every command accepts. {@link Main} looks for it in the raw arguments before parsing, so
 * that even an error in parsing them shows its stack trace; the option here only makes picocli accept and list it.
 */
final class DebugOption {
    @Option(names = "--debug", description = "Show stack traces of errors")
    boolean debug;
}
