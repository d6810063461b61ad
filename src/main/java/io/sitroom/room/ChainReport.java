package io.sitroom.room;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The result of re-verifying a room's hash chain. {@code firstBadSeq} is absent when the chain is whole. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChainReport(boolean ok, long events, String headHash, Long firstBadSeq) {
}
