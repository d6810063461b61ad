-- A room's created_at was read from the clock just before its room.created event was appended, so it could be a
-- millisecond earlier than the event's time. The snapshot's createdAt is the event's time (the export's verifier
-- derives it from the event): align the rooms opened before this change.
UPDATE room SET created_at = (SELECT e.at FROM room_event e WHERE e.room_id = room.id AND e.seq = 1)
WHERE EXISTS (SELECT 1 FROM room_event e WHERE e.room_id = room.id AND e.seq = 1 AND e.at <> room.created_at);
