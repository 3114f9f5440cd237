-- One outcome added to the running job's result, in the same transaction as the outcome itself.
UPDATE jobs
   SET result = (coalesce(result::jsonb, '{}'::jsonb)
                 || jsonb_build_object(CAST(:#outcome AS text),
                                       coalesce((result::jsonb ->> CAST(:#outcome AS text))::int, 0) + 1,
                                       'provider_calls', coalesce((result::jsonb ->> 'provider_calls')::int, 0)
                                                         + CAST(:#calls AS integer)))::json
 WHERE id = CAST(:#jobId AS uuid)
