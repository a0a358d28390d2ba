package org.sessionrnn.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code --debug} flag, declared once on {@link Main} and inherited by every command, so that no command can
 * lack it. {@link Main} looks for it in the raw arguments before parsing, so that even an error in parsing them
 * shows its stack trace; the option here only makes picocli accept and list it.
 */
final class DebugOption {
    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Show stack traces of errors")
    boolean debug;
}
