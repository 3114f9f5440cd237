package dev.outreachpipeline.console;

import java.util.List;

/** Every section of the console, each adding its own pages; the navigation is {@link ConsoleRouter#NAVIGATION}. */
final class ConsoleSections {

    private ConsoleSections() {}

    static List<ConsoleSection> all() {
        return List.of(
                new OverviewSection(),
                new ReviewSection(),
                new CampaignsSection(),
                new JobsSection(),
                new SendingSection(),
                new SuppressionsSection());
    }
}
