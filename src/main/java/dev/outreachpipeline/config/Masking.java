package dev.outreachpipeline.config;

import java.util.regex.Pattern;

/** Hides credentials in anything that may be shown: configuration values, URLs, error messages. */
public final class Masking {

    public static final String MASK = "****";
    /**
     * Query parameters that carry a credential or name one: password, sslpassword, sslkey (the client's
     * private key), api_key, token… and sslfactoryarg (an argument for an SSL factory, often a secret).
     * Certificates (sslcert, sslrootcert) are the public halves and stay readable for troubleshooting.
     */
    private static final String SECRET_PARAM =
            "(?:[a-z0-9_.-]*(?:password|passwd|pwd|secret|token|key|credential)[a-z0-9_.-]*|sslfactoryarg)";
    /** {@code scheme://user:PASSWORD@}: the password runs to the last {@code @} of the word, as a raw @ may be part of it. */
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*://[^:/@\\s]*:)(\\S*)(@)");

    private static final Pattern QUERY_SECRET = Pattern.compile("(?i)([?&;]" + SECRET_PARAM + "=)([^&\\s]+)");
    /** In a value known to be one URL a space does not end it, so a secret runs to the next {@code &}. */
    private static final Pattern WHOLE_URL_QUERY_SECRET = Pattern.compile("(?i)([?&;]" + SECRET_PARAM + "=)([^&]+)");

    private static final Pattern PORT_THEN_PATH = Pattern.compile("\\d{1,5}[/?]");

    private Masking() {}

    public static String maskSetting(String key, String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        if (ConfigSchema.find(key).map(Setting::secret).orElse(false)) {
            return MASK;
        }
        if (ConfigSchema.isSensitive(key)) {
            return key.endsWith(".url") ? maskUrl(value) : MASK;
        }
        return maskText(value);
    }

    /** Masks passwords in URLs ({@code scheme://user:pass@host}) and secret query parameters in free text. */
    public static String maskText(String text) {
        if (text == null) {
            return null;
        }
        String s = URL_PASSWORD.matcher(text).replaceAll("$1" + MASK + "$3");
        return QUERY_SECRET.matcher(s).replaceAll("$1" + MASK);
    }

    /**
     * Masks a string that is one URL as a whole, even a malformed one: everything between the user's
     * colon and the last {@code @} (spaces, raw {@code @} and {@code /} included), and the value of
     * every credential-bearing query parameter up to the next {@code &}. When in doubt it hides more.
     */
    public static String maskUrl(String url) {
        if (url == null) {
            return null;
        }
        String s = url;
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            int start = scheme + 3;
            int at = s.lastIndexOf('@');
            int firstAt = s.indexOf('@', start);
            int colon = s.indexOf(':', start);
            // host:5432/db?…@… has no user information: the colon is the port's, the @ the query's
            boolean port =
                    colon >= 0 && PORT_THEN_PATH.matcher(s.substring(colon + 1)).lookingAt();
            if (at > start && colon >= 0 && colon < firstAt && !port) {
                s = s.substring(0, colon + 1) + MASK + s.substring(at);
            }
        }
        return WHOLE_URL_QUERY_SECRET.matcher(s).replaceAll("$1" + MASK);
    }
}
