package io.sitroom.room;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The kind of an event on the wire and in the log ({@code "decision.proposed"}), declared once on
 * its payload record; {@link EventTypes} maps kinds to records and back from these.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventKind {
    String value();
}
