UPDATE prospects
   SET outreach_status      = :#status,
       hunter_payload       = coalesce(CAST(:#hunterPayload AS json), hunter_payload),
       contact_email        = :#contactEmail,
       contact_method       = :#contactMethod,
       contact_name         = :#contactName,
       contact_reason       = :#contactReason,
       contact_verification = :#contactVerification,
       score                = CAST(:#score AS numeric),
       last_error           = :#lastError,
       enriched_at          = now()
 WHERE id = CAST(:#prospectId AS uuid) AND outreach_status = 'enriching'
