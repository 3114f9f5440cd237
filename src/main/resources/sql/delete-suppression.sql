-- `suppress remove`: one entry, an address or a domain (the other column is null).
-- Parameters: email, domain.
DELETE FROM suppressions WHERE email IS NOT DISTINCT FROM ? AND domain IS NOT DISTINCT FROM ?
