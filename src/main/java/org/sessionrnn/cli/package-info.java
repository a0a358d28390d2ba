/** The command line: {@code run} (the default), {@code report}, {@code compare} and {@code bench}. */
package org.sessionrnn.cli;
