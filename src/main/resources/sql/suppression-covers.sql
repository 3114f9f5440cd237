-- Is an address suppressed, itself or through its domain? Parameters: email, domain.
SELECT 1 FROM suppressions WHERE email = ? OR domain = ? LIMIT 1
