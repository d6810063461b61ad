package io.sitroom.statuspage;

/** Fired inside a transaction that changed what the public page shows; observed once it committed. */
public record StatusPageChanged() {
}
