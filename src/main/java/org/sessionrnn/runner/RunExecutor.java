package org.sessionrnn.runner;

/** Trains (or fits) and evaluates one kind of model for one grid cell. */
public interface RunExecutor {
    RunOutcome execute(RunContext context) throws Exception;
}
