package dev.outreachpipeline.campaigns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outreachpipeline.discovery.DiscoveryParams;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.quartz.CronExpression;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which campaigns' schedules are due at one firing of the campaign-schedule check (routes/15-schedules,
 * a clustered Quartz trigger firing every minute), and the discover job each enqueues.
 *
 * <p>A campaign's schedule is due when its cron has a firing time in the minute the check stands
 * for: after the check's previous firing (at most one minute back, so a firing missed while every
 * instance was down is dropped, as the other schedules drop theirs) and up to this one. The campaigns
 * are read fresh at every firing, so a schedule changed, paused or resumed takes effect at the next
 * minute without a restart.
 */
public final class CampaignSchedules {

    private static final Logger LOG = LoggerFactory.getLogger("dev.outreachpipeline.schedules");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How far back a firing looks: the check's own period. */
    static final Duration CHECK_PERIOD = Duration.ofMinutes(1);

    private final CampaignDiscovery discovery;

    public CampaignSchedules(CampaignDiscovery discovery) {
        this.discovery = discovery;
    }

    /**
     * The discover jobs to enqueue, each as {@code {campaign, params}}.
     *
     * @param rows              the active campaigns with a schedule (sql/scheduled-campaigns.sql)
     * @param scheduledFireTime this firing's time (camel-quartz's header); null: now
     * @param previousFireTime  the check's previous firing, or null
     */
    public List<Map<String, Object>> due(
            List<Map<String, Object>> rows, Date scheduledFireTime, Date previousFireTime) {
        Instant to = scheduledFireTime == null ? Instant.now() : scheduledFireTime.toInstant();
        Instant from = to.minus(CHECK_PERIOD);
        if (previousFireTime != null && previousFireTime.toInstant().isAfter(from)) {
            from = previousFireTime.toInstant();
        }
        var enqueue = new ArrayList<Map<String, Object>>();
        for (Map<String, Object> row : rows) {
            Campaign campaign = campaign(row);
            if (!firesBetween(campaign, from, to)) {
                continue;
            }
            if (Boolean.TRUE.equals(row.get("discovery_waiting"))) {
                LOG.info(
                        "Campaign {}: its schedule fired while one of its discoveries still waits; no second enqueued",
                        campaign.name());
                continue;
            }
            CampaignDiscovery.Decision decision = discovery.scheduled(campaign);
            if (!decision.ok()) {
                LOG.warn(
                        "Campaign {}: its schedule fired, but its saved search cannot be run, nothing enqueued: {}",
                        campaign.name(),
                        String.join(" ", decision.problems()));
                continue;
            }
            var job = new LinkedHashMap<String, Object>();
            job.put("campaign", campaign.name());
            job.put("params", DiscoveryParams.toJson(decision.request(), campaign.name()));
            enqueue.add(job);
        }
        return enqueue;
    }

    private static boolean firesBetween(Campaign campaign, Instant from, Instant to) {
        CronExpression cron;
        try {
            cron = new CronExpression(campaign.schedule());
        } catch (ParseException e) {
            LOG.warn(
                    "Campaign {}: its schedule '{}' is not a Quartz cron expression, so it never fires: {}",
                    campaign.name(),
                    campaign.schedule(),
                    e.getMessage());
            return false;
        }
        Date next = cron.getNextValidTimeAfter(Date.from(from));
        return next != null && !next.toInstant().isAfter(to);
    }

    /** A row of sql/scheduled-campaigns.sql: its lists come as JSON text. */
    private static Campaign campaign(Map<String, Object> row) {
        return new Campaign(
                UUID.fromString(String.valueOf(row.get("id"))),
                (String) row.get("name"),
                (String) row.get("status"),
                null,
                strings(row.get("keywords")),
                strings(row.get("categories")),
                strings(row.get("locations")),
                row.get("max_results") == null ? null : ((Number) row.get("max_results")).intValue(),
                (String) row.get("schedule"),
                null,
                KnownMailboxes.DEFAULT,
                null,
                null);
    }

    private static List<String> strings(Object json) {
        try {
            return json == null ? List.of() : List.of(JSON.readValue(String.valueOf(json), String[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a campaign's list column did not read back as JSON", e);
        }
    }
}
