package dev.outreachpipeline.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The effective configuration: the defaults shipped in the jar (a copy of config/application.properties),
 * then a file ({@code --config FILE}, or ./config/application.properties when present), then the
 * environment. Loading checks everything and reports every problem at once.
 */
public final class OutreachConfig {

    public static final String DEFAULTS_RESOURCE = "config/application.properties";
    private static final String OUTREACH_ENV_PREFIX = "OUTREACH_";

    private final Map<String, String> values;
    private final Map<String, String> sources;

    private OutreachConfig(Map<String, String> values, Map<String, String> sources) {
        this.values = Collections.unmodifiableMap(values);
        this.sources = Collections.unmodifiableMap(sources);
    }

    /**
     * @param explicitFile the {@code --config} file, or null
     * @param env          the process environment (a parameter so tests can supply one)
     * @param workDir      where ./config/application.properties is looked for when no file is given
     * @throws ConfigException listing every problem found
     */
    public static OutreachConfig load(Path explicitFile, Map<String, String> env, Path workDir) {
        Checked checked = check(explicitFile, env, workDir);
        if (!checked.problems().isEmpty()) {
            throw new ConfigException(checked.problems());
        }
        return checked.config();
    }

    /**
     * The configuration as far as it could be read, and every problem found: what {@code config check}
     * reports, so that it can also say which stages lack settings while a value is wrong. The same rules
     * as {@link #load}, which the daemon uses, so the two agree.
     *
     * @param config the values, wrong ones included: read them as text only while {@code problems} is not empty
     */
    public record Checked(OutreachConfig config, List<String> problems) {}

    /** Like {@link #load}, but returns the problems instead of throwing them. */
    public static Checked check(Path explicitFile, Map<String, String> env, Path workDir) {
        var problems = new ArrayList<String>();
        var values = new TreeMap<String, String>();
        var sources = new TreeMap<String, String>();

        Properties defaults = readDefaults();
        defaults.stringPropertyNames().forEach(k -> {
            values.put(k, defaults.getProperty(k).trim());
            sources.put(k, "default");
        });

        Path file = explicitFile;
        if (file == null && workDir != null && Files.isRegularFile(workDir.resolve(DEFAULTS_RESOURCE))) {
            file = workDir.resolve(DEFAULTS_RESOURCE);
        }
        if (file != null) {
            String fileLabel = file.toString();
            readFile(file, problems).forEach((k, v) -> {
                if (k.startsWith("outreach.") && ConfigSchema.find(k).isEmpty()) {
                    problems.add("unknown setting '" + k + "' in " + fileLabel + hint(k));
                } else if (ConfigSchema.find(k).map(Setting::secret).orElse(false) && !v.isBlank()) {
                    problems.add("'" + k + "' is a secret: set it in the environment ("
                            + ConfigSchema.find(k).get().envNames().get(0) + "), not in a file");
                } else {
                    values.put(k, v.trim());
                    sources.put(k, "file " + fileLabel);
                }
            });
        }

        var recognisedEnv = new java.util.HashSet<String>();
        for (Setting s : ConfigSchema.all()) {
            for (String name : s.envNames()) {
                recognisedEnv.add(name);
            }
            for (String name : s.envNames()) {
                String v = env.get(name);
                if (v != null) {
                    values.put(s.key(), v.trim());
                    sources.put(s.key(), "environment " + name);
                    break;
                }
            }
        }
        List<String> mailboxIds = declareMailboxes(env, values, sources, recognisedEnv, problems);
        ConfigSchema.PROCESS_VARIABLES.forEach((name, check) -> {
            recognisedEnv.add(name);
            if (env.get(name) != null) {
                check.apply(env.get(name)).ifPresent(p -> problems.add("environment variable " + name + " " + p));
            }
        });
        env.keySet().stream()
                .filter(n -> n.startsWith(OUTREACH_ENV_PREFIX) && !recognisedEnv.contains(n))
                .sorted()
                .forEach(n -> problems.add("unknown environment variable " + n + " (it matches no outreach.* setting"
                        + LookalikeVariables.suggestion(n)
                                .map(m -> "; did you mean " + m + "?")
                                .orElse(
                                        n.startsWith("OUTREACH_MAILBOX_")
                                                ? "; a further mailbox's settings are read only when outreach.mailboxes"
                                                        + " (OUTREACH_MAILBOXES) lists its id"
                                                : "")
                        + ")"));

        var invalid = new HashSet<String>();
        var checked = new ArrayList<>(ConfigSchema.all());
        mailboxIds.forEach(id -> checked.addAll(ConfigSchema.mailboxSettings(id)));
        for (Setting s : checked) {
            String v = values.get(s.key());
            if (v == null) {
                problems.add("'" + s.key() + "' has no value (config/application.properties is missing it)");
                invalid.add(s.key());
                continue;
            }
            s.check().apply(v).ifPresent(p -> {
                problems.add("'" + s.key() + "' (from " + sources.get(s.key()) + ") " + p);
                invalid.add(s.key());
            });
        }
        problems.addAll(ConfigSchema.checkTogether(
                k -> invalid.contains(k) ? Optional.empty() : Optional.ofNullable(values.get(k)), sources::get));
        return new Checked(new OutreachConfig(values, sources), List.copyOf(problems));
    }

    /**
     * The further mailboxes that outreach.mailboxes lists, each given its own copy of every
     * per-mailbox setting: from the environment (OUTREACH_MAILBOX_&lt;ID&gt;_…), else the file, else the
     * template key's value. A file's key for a mailbox that is not listed is a mistake, said so and dropped.
     *
     * @return the listed ids; none while the list itself is wrong (its own check says why)
     */
    private static List<String> declareMailboxes(
            Map<String, String> env,
            Map<String, String> values,
            Map<String, String> sources,
            java.util.Set<String> recognisedEnv,
            List<String> problems) {
        String list = values.getOrDefault("outreach.mailboxes", "");
        List<String> ids =
                dev.outreachpipeline.sending.MailboxIds.checkList(list).isEmpty()
                        ? dev.outreachpipeline.sending.MailboxIds.parse(list)
                        : List.of();
        for (String id : ids) {
            for (Setting s : ConfigSchema.mailboxSettings(id)) {
                recognisedEnv.add(s.envName());
                String v = env.get(s.envName());
                if (v != null) {
                    values.put(s.key(), v.trim());
                    sources.put(s.key(), "environment " + s.envName());
                } else if (!values.containsKey(s.key())) {
                    values.put(s.key(), values.getOrDefault(ConfigSchema.mailboxTemplateKey(s.key()), ""));
                    sources.put(s.key(), "default");
                }
            }
        }
        for (String key : List.copyOf(values.keySet())) {
            Optional<String> id = ConfigSchema.mailboxIdOf(key);
            if (id.isPresent() && !ids.contains(id.get())) {
                problems.add("'" + key + "' (from " + sources.get(key) + ") is a setting of the mailbox '" + id.get()
                        + "', which outreach.mailboxes does not list; add it there, or remove the setting");
                values.remove(key);
                sources.remove(key);
            }
        }
        return ids;
    }

    /** The further mailboxes this configuration lists (outreach.mailboxes), in its order. */
    public List<String> mailboxIds() {
        return dev.outreachpipeline.sending.MailboxIds.parse(values.getOrDefault("outreach.mailboxes", ""));
    }

    private static String hint(String key) {
        String closest = null;
        int best = Integer.MAX_VALUE;
        for (Setting s : ConfigSchema.all()) {
            int d = org.apache.commons.text.similarity.LevenshteinDistance.getDefaultInstance()
                    .apply(key, s.key());
            if (d < best) {
                best = d;
                closest = s.key();
            }
        }
        return closest != null && best <= 4 ? " (did you mean '" + closest + "'?)" : "";
    }

    private static Properties readDefaults() {
        var props = new Properties();
        try (InputStream in = OutreachConfig.class.getClassLoader().getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "the built-in defaults (" + DEFAULTS_RESOURCE + ") are missing from the jar");
            }
            props.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the built-in defaults: " + e.getMessage(), e);
        }
        return props;
    }

    private static Map<String, String> readFile(Path file, List<String> problems) {
        var result = new TreeMap<String, String>();
        if (!Files.isRegularFile(file)) {
            problems.add("configuration file " + file + " does not exist");
            return result;
        }
        var props = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(r);
        } catch (IOException | IllegalArgumentException e) {
            problems.add("cannot read configuration file " + file + ": " + e.getMessage());
            return result;
        }
        props.stringPropertyNames().forEach(k -> result.put(k, props.getProperty(k)));
        return result;
    }

    public String get(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("no such setting: " + key);
        }
        return v;
    }

    /** A key's value, or "" when it has none (only possible in a {@link Checked} configuration). */
    String valueOrEmpty(String key) {
        return values.getOrDefault(key, "");
    }

    public int getInt(String key) {
        return Integer.parseInt(get(key));
    }

    public boolean getBoolean(String key) {
        return Boolean.parseBoolean(get(key));
    }

    /** Where the value of a key came from: default, file …, environment …. */
    public String source(String key) {
        return sources.getOrDefault(key, "default");
    }

    /**
     * Every effective value except credentials, for Camel's property placeholders and camel.main.*
     * options: Camel lists its properties at startup, and secrets must not reach a log.
     */
    public Properties asProperties() {
        var p = new Properties();
        values.forEach((k, v) -> {
            if (!ConfigSchema.isSensitive(k)) {
                p.put(k, v);
            }
        });
        return p;
    }

    /**
     * This configuration with the given values in place of its own, for keys it has that are not
     * sensitive (credentials always stay this process's own); a value masked when it was recorded is
     * not taken either.
     *
     * @param source where the replacing values came from, e.g. "daemon node host:123:ab12"
     */
    public OutreachConfig withValues(Map<String, String> replacing, String source) {
        var v = new java.util.HashMap<>(values);
        var s = new java.util.HashMap<>(sources);
        replacing.forEach((key, value) -> {
            if (v.containsKey(key) && taken(key, value)) {
                v.put(key, value);
                s.put(key, source);
            }
        });
        // A further mailbox the replacing values list and this configuration does not: its own
        // settings come from them too (its credentials stay this process's, else the template's empty
        // value), so every listed mailbox has all of its settings.
        for (String id : dev.outreachpipeline.sending.MailboxIds.parse(v.getOrDefault("outreach.mailboxes", ""))) {
            for (Setting setting : ConfigSchema.mailboxSettings(id)) {
                String key = setting.key();
                if (v.containsKey(key)) {
                    continue;
                }
                String value = replacing.get(key);
                if (taken(key, value)) {
                    v.put(key, value);
                    s.put(key, source);
                } else {
                    v.put(key, v.getOrDefault(ConfigSchema.mailboxTemplateKey(key), ""));
                }
            }
        }
        return new OutreachConfig(v, s);
    }

    /** Whether a recorded value may stand in for this process's own: never a credential or a masked value. */
    private static boolean taken(String key, String value) {
        return value != null && !ConfigSchema.isSensitive(key) && !value.contains(Masking.MASK);
    }

    /** Key → value with every sensitive value masked, sorted by key: what `config show` prints. */
    public Map<String, String> masked() {
        var shown = new TreeMap<String, String>();
        values.forEach((k, v) -> shown.put(k, Masking.maskSetting(k, v)));
        return shown;
    }

    @Override
    public String toString() {
        return "OutreachConfig" + masked();
    }
}
