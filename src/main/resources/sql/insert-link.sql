-- `links add`: a new placement, pending its first check (due at once). No row back: the prospect
-- already has a placement on that page.
INSERT INTO link_placements (prospect_id, url, target, anchor_expected)
VALUES (CAST(:#prospectId AS uuid), :#url, :#target, :#anchorExpected)
ON CONFLICT (prospect_id, url) DO NOTHING
RETURNING id::text AS id
