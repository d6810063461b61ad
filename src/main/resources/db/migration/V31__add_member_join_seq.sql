-- Members are listed in the order they joined. Their join time alone ties (one batch of work shares
-- its millisecond), so each membership also keeps the seq of its member.added event: a client that
-- appends each new member arrives at the server's order. Memberships from before this column keep
-- it empty and sort first, by their join time.
ALTER TABLE room_member ADD COLUMN joined_seq BIGINT;
