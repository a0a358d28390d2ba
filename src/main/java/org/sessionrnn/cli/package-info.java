/**
 * The command line ({@link org.sessionrnn.cli.Main}): {@code run} (the default), {@code status}, {@code report},
 * {@code compare}, {@code tune}, {@code bench}, {@code export}, {@code recommend} and {@code serve}. Every problem
 * ends in one line and an exit code: 2 for bad input, 1 otherwise.
 */
package org.sessionrnn.cli;
