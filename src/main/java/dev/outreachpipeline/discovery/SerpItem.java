package dev.outreachpipeline.discovery;

/**
 * One item of a SERP, of any type (organic, paid, people_also_ask, …). Non-organic items often have no
 * {@code url} or rank; those stay null rather than being invented.
 *
 * @param rawJson the item as DataForSEO sent it (less any U+0000, which PostgreSQL cannot store), kept
 *                as {@code dataforseo_payload} so that fields we do not read today are not lost
 * @param cleaning what was removed from or refused in the item because it held control characters,
 *                 as a phrase ("its title held control characters (U+0000), removed"); null when nothing was
 */
public record SerpItem(
        String type,
        Integer rankGroup,
        Integer rankAbsolute,
        String url,
        String title,
        String rawJson,
        String cleaning) {

    public SerpItem(String type, Integer rankGroup, Integer rankAbsolute, String url, String title, String rawJson) {
        this(type, rankGroup, rankAbsolute, url, title, rawJson, null);
    }

    public boolean organic() {
        return "organic".equals(type);
    }
}
