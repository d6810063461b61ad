package io.sitroom.search;

import java.util.List;
import java.util.UUID;

/**
 * What a search found: the rooms (with how many entries matched in each, best first) and the matching
 * entries, ranked, each with a snippet of its text, the spans of the snippet to highlight
 * ({@code [start, end)} in characters), and the seq to open the room at.
 */
public record SearchResult(String q, List<RoomHit> rooms, List<EntryHit> entries, boolean more) {

    public record RoomHit(UUID roomId, String title, String kind, String severity, String phase, String type, String createdAt,
            int matches) {
    }

    public record EntryHit(UUID roomId, String roomTitle, long seq, String kind, String at, String snippet, List<int[]> highlights,
            double rank, String link) {
    }
}
