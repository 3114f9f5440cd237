package dev.outreachpipeline.drafting;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The subject of one prospect's draft, from a rendered subject template that may offer several:
 * one variant per non-blank line. The variant is chosen by a stable hash of the prospect's domain
 * (murmur3, the same on every machine and in every version), so a redraft keeps it and the variants
 * spread evenly over prospects. A template of one line is one variant, made one line as before.
 */
final class SubjectVariants {

    /**
     * @param subject the chosen subject, a valid header line ("" when the template rendered nothing)
     * @param index   its variant's index, from 0 (0 when the template offers one subject)
     * @param count   how many variants the template offered (at least 1)
     */
    record Choice(String subject, int index, int count) {}

    private SubjectVariants() {}

    static Choice choose(String rendered, String domain) {
        List<String> variants = new ArrayList<>();
        String text = rendered == null ? "" : rendered.replace("\r\n", "\n").replace('\r', '\n');
        for (String line : text.split("\n")) {
            String subject = DraftRenderer.sanitiseHeader(line);
            if (!subject.isEmpty()) {
                variants.add(subject);
            }
        }
        if (variants.size() <= 1) {
            return new Choice(variants.isEmpty() ? "" : variants.get(0), 0, 1);
        }
        int index = index(domain, variants.size());
        return new Choice(variants.get(index), index, variants.size());
    }

    /** The variant of {@code count} for a domain: murmur3_32 of its lower-case form, modulo count. */
    static int index(String domain, int count) {
        String key = domain == null ? "" : domain.strip().toLowerCase(Locale.ROOT);
        int hash = Hashing.murmur3_32_fixed()
                .hashString(key, StandardCharsets.UTF_8)
                .asInt();
        return Math.floorMod(hash, count);
    }
}
