-- `prospects show`: one prospect with what discovery and Hunter said about it, and its campaign.
-- contact_name holds the contact's first name (Hunter's first_name).
SELECT p.id::text AS id, p.domain, p.page_url, p.page_title, p.outreach_status, p.score, p.da_est,
       p.contact_email, p.contact_method, p.contact_name, p.contact_name AS contact_first_name, p.contact_reason,
       p.contact_verification,
       p.draft_subject, p.draft_subject_variant, p.draft_subject_variant_text, p.draft_body, p.last_error, p.last_sent, p.followups_sent,
       p.draft_writer, p.draft_writer_note, p.llm_calls, p.llm_tokens_in, p.llm_tokens_out, p.llm_cost_usd,
       p.created_at, p.enriched_at, p.drafted_at, p.approved_at, p.rejected_reason, p.rejected_at,
       p.stage, p.last_reply_class, p.followup_snoozed_until,
       c.name AS campaign,
       q.keyword, q.location, p.dataforseo_payload ->> 'rank_absolute' AS serp_rank,
       json_array_length(p.hunter_payload -> 'emails') AS hunter_emails,
       p.hunter_payload ->> 'organization' AS organization
  FROM prospects p
  JOIN campaigns c ON c.id = p.campaign_id
  LEFT JOIN discovery_queries q ON q.id = p.discovery_query_id
 WHERE p.id = ?
