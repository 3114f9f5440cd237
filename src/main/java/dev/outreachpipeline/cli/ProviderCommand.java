package dev.outreachpipeline.cli;

import dev.outreachpipeline.OutreachException;
import dev.outreachpipeline.db.Database;
import dev.outreachpipeline.providers.ProviderPauses;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "provider",
        mixinStandardHelpOptions = true,
        description = "The paid providers (Hunter, DataForSEO) as the pipeline sees them.",
        subcommands = {ProviderCommand.Pause.class})
final class ProviderCommand {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    @Command(
            name = "pause",
            mixinStandardHelpOptions = true,
            description = "A provider is paused when it says its quota is spent or the account is restricted: "
                    + "no worker calls it until the pause ends, and its jobs wait as long.",
            subcommands = {ListPauses.class, Clear.class})
    static final class Pause {}

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "The pauses in force: provider, until when, why, and when it was set.")
    static final class ListPauses implements Callable<Integer> {
        private final CliContext context;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        ListPauses(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            try (Database db = context.openDatabase()) {
                var pauses = new ProviderPauses(db.dataSource()).inForce();
                if (json) {
                    context.out()
                            .println(JobCommand.JSON.writeValueAsString(
                                    pauses.stream().map(ProviderPauses::json).toList()));
                    return ExitCodes.OK;
                }
                for (ProviderPauses.Pause p : pauses) {
                    context.out()
                            .printf(
                                    "%-10s  until %s  (set %s)  %s%n",
                                    p.provider(), utc(p.until()), utc(p.setAt()), terminalText(p.reason()));
                }
                context.err()
                        .println(
                                pauses.isEmpty()
                                        ? "No provider is paused."
                                        : pauses.size()
                                                + " provider pause(s) in force; `outreach provider pause clear PROVIDER` lifts one.");
                return ExitCodes.OK;
            }
        }
    }

    @Command(
            name = "clear",
            mixinStandardHelpOptions = true,
            description =
                    "Lift a provider's pause (after raising the plan or sorting out the account): "
                            + "its waiting jobs run at the next poll. If the quota is still spent, the next call pauses it again.")
    static final class Clear implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "PROVIDER", description = "hunter or dataforseo.")
        String provider;

        Clear(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            ProviderPauses.Provider p = ProviderPauses.provider(provider)
                    .orElseThrow(() -> new OutreachException(
                            "Unknown provider '" + terminalText(provider) + "'; the providers are "
                                    + ProviderPauses.PROVIDERS.stream()
                                            .map(ProviderPauses.Provider::name)
                                            .collect(Collectors.joining(", "))
                                    + ".",
                            ExitCodes.USAGE));
            try (Database db = context.openDatabase()) {
                ProviderPauses.Lifted lifted = new ProviderPauses(db.dataSource()).clear(p);
                String jobs = lifted.jobsWoken() == 0
                        ? ""
                        : "; " + lifted.jobsWoken() + " waiting " + p.jobType()
                                + " job(s) run at the daemon's next poll";
                context.out()
                        .println(
                                lifted.wasPaused()
                                        ? p.displayName() + " is no longer paused" + jobs + "."
                                        : p.displayName() + " was not paused" + jobs + ".");
                return ExitCodes.OK;
            }
        }
    }

    private static String utc(java.time.OffsetDateTime t) {
        return t.atZoneSameInstant(ZoneOffset.UTC).format(WHEN);
    }

    /** A provider's words on a terminal: control characters (escape sequences) become spaces. */
    private static String terminalText(String s) {
        return s == null ? "" : s.replaceAll("\\p{Cntrl}", " ");
    }
}
