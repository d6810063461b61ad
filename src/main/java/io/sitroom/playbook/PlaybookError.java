package io.sitroom.playbook;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A problem in a playbook file: where (file, line, field path) and what. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlaybookError(String file, Integer line, String path, String message) {

    @Override
    public String toString() {
        return (file == null ? "" : file + ":") + (line == null ? "" : line + ": ") + (path == null || path.isEmpty() ? "" : path + ": ")
                + message;
    }
}
