package dev.outreachpipeline.config;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One known {@code outreach.*} setting: how its value is checked, whether it is secret, and which
 * extra environment variables (beside the derived {@code OUTREACH_…} name) may set it.
 *
 * @param key        the property name, e.g. {@code outreach.database.pool-size}
 * @param check      returns a sentence saying what is wrong with a non-empty value, or empty when it is fine
 * @param secret     masked wherever configuration is shown, and refused in files
 * @param envAliases extra environment names, most specific first (e.g. {@code DATABASE_URL})
 */
public record Setting(String key, Function<String, Optional<String>> check, boolean secret, List<String> envAliases) {

    /** The environment variable derived from the key: upper-case, '.' and '-' become '_'. */
    public String envName() {
        return envName(key);
    }

    public static String envName(String key) {
        return key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /**
     * The environment variable an operator would set: the first alias (SMTP_HOST, HUNTER_API_KEY)
     * where there is one, else the derived OUTREACH_… name.
     */
    public String operatorEnvName() {
        return envAliases.isEmpty() ? envName() : envAliases.get(0);
    }

    /** Every environment name that sets this setting, the derived one first. */
    public List<String> envNames() {
        var names = new java.util.ArrayList<String>();
        names.add(envName());
        names.addAll(envAliases);
        return names;
    }

    static Setting text(String key, String... envAliases) {
        return new Setting(key, v -> Optional.empty(), false, List.of(envAliases));
    }

    static Setting secret(String key, String... envAliases) {
        return new Setting(key, v -> Optional.empty(), true, List.of(envAliases));
    }

    static Setting integer(String key, long min, long max) {
        return new Setting(
                key,
                v -> {
                    try {
                        long n = Long.parseLong(v.trim());
                        return n < min || n > max
                                ? Optional.of("must be between " + min + " and " + max + ", is " + n)
                                : Optional.empty();
                    } catch (NumberFormatException e) {
                        return Optional.of("must be a whole number, is '" + v + "'");
                    }
                },
                false,
                List.of());
    }

    static Setting oneOf(String key, String... values) {
        var allowed = List.of(values);
        return new Setting(
                key,
                v -> allowed.contains(v.trim())
                        ? Optional.empty()
                        : Optional.of("must be one of " + String.join(", ", allowed) + ", is '" + v + "'"),
                false,
                List.of());
    }

    static Setting bool(String key) {
        return oneOf(key, "true", "false");
    }

    static Setting withCheck(String key, Function<String, Optional<String>> check, String... envAliases) {
        return new Setting(key, check, false, List.of(envAliases));
    }

    /** This setting with its value checked (for kinds whose factory takes no check, such as secrets). */
    Setting checkedBy(Function<String, Optional<String>> valueCheck) {
        return new Setting(key, valueCheck, secret, envAliases);
    }

    /** This setting, also read from the given environment names (for kinds whose factory takes none). */
    Setting withEnvAliases(String... names) {
        var all = new java.util.ArrayList<>(envAliases);
        all.addAll(List.of(names));
        return new Setting(key, check, secret, List.copyOf(all));
    }
}
