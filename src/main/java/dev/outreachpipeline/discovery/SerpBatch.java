package dev.outreachpipeline.discovery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The results of one query on their way to becoming prospects, and the counters that account for
 * every result: {@code saved + duplicate + existing + invalid = found}, always.
 *
 * <ul>
 *   <li>found: the result items of the wanted types (organic by default) that were examined;</li>
 *   <li>invalid: no http(s) URL, so no domain (never counted as a duplicate);</li>
 *   <li>duplicate: a domain this job has already seen, earlier in this SERP or in another of its queries;</li>
 *   <li>existing: a domain stored before this job (or by another job running at the same time), by
 *       any campaign; counted under the campaign that owns it ({@code existing_by_campaign});</li>
 *   <li>saved: new prospects.</li>
 * </ul>
 * Once the job has saved {@code max_results} prospects the rest of the SERP is not examined; those
 * items are recorded in the query's metadata as {@code not_examined_over_cap}.
 */
public final class SerpBatch {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One examined item with its dedup key (null when invalid). */
    private record Examined(SerpItem item, String key) {}

    private final String taskId;
    private final BigDecimal cost;
    private final int calls;
    private final int itemsTotal;
    private final int wantedTotal;
    private final List<Examined> wanted = new ArrayList<>();
    private final List<Examined> candidates = new ArrayList<>();
    private final List<SerpItem> cleaned = new ArrayList<>();
    private int invalid;
    private int duplicate;
    private int existing;
    private int saved;
    private int examined;
    /** campaign id → how many of the existing results were its prospects */
    private final Map<String, Integer> existingByCampaign = new LinkedHashMap<>();
    /** candidates a concurrent job inserted first: existing, owner still to be looked up */
    private final List<String> lost = new ArrayList<>();

    private SerpBatch(String taskId, BigDecimal cost, int calls, int itemsTotal, int wantedTotal) {
        this.taskId = taskId;
        this.cost = cost;
        this.calls = calls;
        this.itemsTotal = itemsTotal;
        this.wantedTotal = wantedTotal;
    }

    /** Keeps the items of the wanted types, in SERP order, each with its dedup key. */
    public static SerpBatch of(SerpCall call, Set<String> resultTypes, DedupeMode mode) {
        List<SerpItem> items = call.results().items();
        var batch = new SerpBatch(call.results().taskId(), call.cost(), call.calls(), items.size(), (int)
                items.stream().filter(i -> resultTypes.contains(i.type())).count());
        for (SerpItem item : items) {
            if (resultTypes.contains(item.type())) {
                batch.wanted.add(
                        new Examined(item, DomainKey.of(item.url(), mode).orElse(null)));
                if (item.cleaning() != null) {
                    batch.cleaned.add(item);
                }
            }
        }
        return batch;
    }

    /** The wanted items that held control characters, each with what was done about it. */
    public List<SerpItem> cleaned() {
        return List.copyOf(cleaned);
    }

    /** The distinct domains to look up in the database, as a JSON array. */
    public String keysJson() {
        var keys = new LinkedHashSet<String>();
        wanted.stream().map(Examined::key).filter(k -> k != null).forEach(keys::add);
        return json(keys);
    }

    /**
     * Classifies every wanted item in SERP order and picks the new ones, stopping once the job
     * would exceed {@code remaining} new prospects.
     *
     * @param known     domain → stored by this job (true) or before it (false)
     * @param remaining how many more prospects the job may save
     */
    public void classify(Map<String, Boolean> known, long remaining) {
        classify(known, Map.of(), remaining);
    }

    /**
     * As {@link #classify(Map, long)}, counting each existing result under the campaign that owns it.
     *
     * @param owners domain → id of the campaign its prospect belongs to
     */
    public void classify(Map<String, Boolean> known, Map<String, String> owners, long remaining) {
        Set<String> seen = new HashSet<>();
        for (Examined e : wanted) {
            if (e.key() != null
                    && !known.containsKey(e.key())
                    && !seen.contains(e.key())
                    && candidates.size() >= remaining) {
                break; // the next new prospect would exceed max_results: stop examining here
            }
            examined++;
            if (e.key() == null) {
                invalid++;
            } else if (!seen.add(e.key())) {
                duplicate++;
            } else if (known.containsKey(e.key())) {
                if (known.get(e.key())) {
                    duplicate++;
                } else {
                    existing++;
                    countOwner(owners.get(e.key()));
                }
            } else {
                candidates.add(e);
            }
        }
    }

    /** The new prospects as rows for the insert statement, as a JSON array. */
    public String rowsJson() {
        var rows = new ArrayList<Map<String, Object>>();
        for (Examined e : candidates) {
            var row = new LinkedHashMap<String, Object>();
            row.put("domain", e.key());
            row.put("page_url", e.item().url());
            row.put("page_title", e.item().title());
            row.put("payload", rawJson(e.item()));
            rows.add(row);
        }
        return json(rows);
    }

    /** Candidates the insert did not store were saved by a concurrent job a moment earlier: existing. */
    public void inserted(Set<String> insertedDomains) {
        for (Examined e : candidates) {
            if (insertedDomains.contains(e.key())) {
                saved++;
            } else {
                existing++;
                lost.add(e.key());
            }
        }
    }

    /** Whether a concurrent job stored some candidates first (their owners are then looked up). */
    public boolean hasLost() {
        return !lost.isEmpty();
    }

    /** The domains a concurrent job stored first, as a JSON array. */
    public String lostKeysJson() {
        return json(lost);
    }

    /** @param owners domain → id of the campaign that owns it, for the domains of {@link #lostKeysJson()} */
    public void lostTo(Map<String, String> owners) {
        lost.forEach(key -> countOwner(owners.get(key)));
        lost.clear();
    }

    private void countOwner(String campaignId) {
        if (campaignId != null) {
            existingByCampaign.merge(campaignId, 1, Integer::sum);
        }
    }

    /** campaign id → how many existing results were its prospects. */
    public Map<String, Integer> existingByCampaign() {
        return Map.copyOf(existingByCampaign);
    }

    public int found() {
        return examined;
    }

    public int saved() {
        return saved;
    }

    public int duplicate() {
        return duplicate;
    }

    public int existing() {
        return existing;
    }

    public int invalid() {
        return invalid;
    }

    public String taskId() {
        return taskId;
    }

    public int calls() {
        return calls;
    }

    public BigDecimal cost() {
        return cost;
    }

    /** What the counters do not say: the SERP's size, what was skipped and why. */
    public String metadataJson() {
        var meta = new LinkedHashMap<String, Object>();
        meta.put("skipped_invalid", invalid);
        meta.put("items_total", itemsTotal);
        meta.put("items_of_wanted_types", wantedTotal);
        meta.put("not_examined_over_cap", wantedTotal - examined);
        if (taskId != null) {
            meta.put("task_id", taskId);
        }
        if (!existingByCampaign.isEmpty()) {
            meta.put("existing_by_campaign", existingByCampaign);
        }
        if (!cleaned.isEmpty()) {
            var list = new ArrayList<Map<String, Object>>();
            for (SerpItem item : cleaned) {
                var entry = new LinkedHashMap<String, Object>();
                entry.put("rank_absolute", item.rankAbsolute());
                entry.put("control_characters", item.cleaning());
                list.add(entry);
            }
            meta.put("items_with_control_characters", list);
        }
        return json(meta);
    }

    private static Object rawJson(SerpItem item) {
        try {
            return JSON.readTree(item.rawJson());
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
