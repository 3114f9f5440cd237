package dev.outreachpipeline.discovery;

/**
 * One item of a SERP, of any type (organic, paid, people_also_ask, …). Non-organic items often have no
 * {@code url} or rank; those stay null rather than being invented.
 *
 * @param rawJson the item exactly as DataForSEO sent it, kept as {@code dataforseo_payload} so that
 *                fields we do not read today are not lost
 */
public record SerpItem(String type, Integer rankGroup, Integer rankAbsolute, String url, String title, String rawJson) {

    public boolean organic() {
        return "organic".equals(type);
    }
}
