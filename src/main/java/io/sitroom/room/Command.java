package io.sitroom.room;

/**
 * A decoded client command. Each feature declares its commands as a sealed interface of
 * records extending this one, and validates their content in the records' constructors.
 */
public interface Command {
}
