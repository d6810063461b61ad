package io.sitroom.exercise;

import java.util.List;

import io.sitroom.error.ErrorCode;
import io.sitroom.error.SitroomException;

/**
 * A scenario refused for its errors (an upload, an imported spreadsheet): answered {@code 400 invalid}
 * with the protocol's error body and, in it, every error ({@code errors}).
 */
public class ScenarioRejected extends SitroomException {

    private final transient List<?> errors;

    public ScenarioRejected(List<?> errors) {
        super(ErrorCode.INVALID, "the scenario has " + errors.size() + " error(s); the first: " + errors.get(0));
        this.errors = List.copyOf(errors);
    }

    public List<?> errors() {
        return errors;
    }
}
