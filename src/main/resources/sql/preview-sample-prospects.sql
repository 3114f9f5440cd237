-- Prospects to render a template directory for without saving anything (`prospects preview
-- --template DIR --sample N`): first those a draft job would draft next (enriched with a contact
-- address, in the order claim-prospects-for-drafting.sql claims them), then those whose draft a
-- redraft would replace (drafted, approved, draft_failed); optionally only one campaign's.
SELECT p.id::text AS id
  FROM prospects p
 WHERE p.contact_email IS NOT NULL
   AND p.outreach_status IN ('enriched', 'drafted', 'approved', 'draft_failed')
   AND (CAST(:#campaignId AS uuid) IS NULL OR p.campaign_id = CAST(:#campaignId AS uuid))
 ORDER BY p.outreach_status <> 'enriched', p.score DESC NULLS LAST, p.created_at, p.id
 LIMIT CAST(:#limit AS integer)
