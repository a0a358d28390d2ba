/**
 * Runs an experiment's grid: prepares the data once, checks every run can start, executes each run with the
 * executor of its model, and writes run records with provenance next to the metrics.
 */
package org.sessionrnn.runner;
