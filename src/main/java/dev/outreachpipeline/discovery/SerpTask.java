package dev.outreachpipeline.discovery;

import java.util.Objects;

/**
 * One Google organic SERP to fetch. The limits DataForSEO puts on each field are checked where the
 * request is written ({@link SerpRequests}), because some of them depend on the call (live depth).
 *
 * @param locationCode DataForSEO's location code (2840 United States, 2826 United Kingdom, …)
 * @param languageCode e.g. "en"
 * @param depth        how many results to ask for
 * @param device       "desktop" or "mobile"
 * @param tag          ours, echoed back with the result, to say which query it answers; may be null
 */
public record SerpTask(String keyword, int locationCode, String languageCode, int depth, String device, String tag) {

    public SerpTask {
        Objects.requireNonNull(keyword, "keyword");
        Objects.requireNonNull(languageCode, "languageCode");
        Objects.requireNonNull(device, "device");
    }
}
