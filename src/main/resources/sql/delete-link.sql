-- `links remove`: the placement and its checks (ON DELETE CASCADE). No row back: there was none.
DELETE FROM link_placements WHERE id = CAST(:#linkId AS uuid)
RETURNING url
