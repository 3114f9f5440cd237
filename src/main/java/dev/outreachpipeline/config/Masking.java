package dev.outreachpipeline.config;

import java.util.regex.Pattern;

/** Hides credentials in anything that may be shown: configuration values, URLs, error messages. */
public final class Masking {

    public static final String MASK = "****";
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*://[^:/@\\s]*:)([^@\\s]*)(@)");
    private static final Pattern QUERY_SECRET = Pattern.compile("(?i)([?&](?:password|api_key|apikey|key|token)=)([^&\\s]+)");

    private Masking() {
    }

    public static String maskSetting(String key, String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        if (ConfigSchema.find(key).map(Setting::secret).orElse(false)
                || (ConfigSchema.isSensitive(key) && !key.endsWith(".url"))) {
            return MASK;
        }
        return maskText(value);
    }

    /** Masks passwords in URLs ({@code scheme://user:pass@host}) and secret query parameters. */
    public static String maskText(String text) {
        if (text == null) {
            return null;
        }
        String s = URL_PASSWORD.matcher(text).replaceAll("$1" + MASK + "$3");
        return QUERY_SECRET.matcher(s).replaceAll("$1" + MASK);
    }
}
