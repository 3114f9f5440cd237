package dev.outreachpipeline.jobs;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One row of the jobs table as the CLI shows it; params and result are JSON text.
 *
 * @param campaign the name of the campaign the job works for, or null (a job for every campaign)
 */
public record JobRow(
        UUID id,
        String type,
        String status,
        String origin,
        String params,
        String result,
        String errorMessage,
        int attempts,
        String claimedBy,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt,
        OffsetDateTime cancelRequestedAt,
        String campaign) {}
