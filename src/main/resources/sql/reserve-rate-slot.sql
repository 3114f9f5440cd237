-- Reserves the next call slot of one limiter for one caller, atomically across every instance:
-- the caller's slot is the later of the stored next slot and now, and the stored next slot moves
-- one spacing past it. The wait is computed on the database's clock, so the instances' clocks
-- need not agree to the millisecond.
INSERT INTO provider_rate_slots AS s (limiter, next_slot)
VALUES (?, clock_timestamp() + make_interval(secs => ?))
    ON CONFLICT (limiter) DO UPDATE
   SET next_slot = greatest(s.next_slot, clock_timestamp()) + make_interval(secs => ?)
RETURNING s.next_slot - make_interval(secs => ?) AS slot,
          greatest(0, ceil(extract(epoch FROM (s.next_slot - make_interval(secs => ?) - clock_timestamp())) * 1000))::bigint AS wait_millis
