package dev.outreachpipeline.console;

import dev.outreachpipeline.campaigns.DiscoverSubmission;
import dev.outreachpipeline.config.OutreachConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * What the console's pages read and act through: the daemon's database, its configuration (mailboxes,
 * caps, schedules), what checks and enqueues a discover job as {@code job submit discover} does, the
 * working directory relative campaign paths are taken from, and the clock.
 */
public record ConsoleServices(
        DataSource dataSource,
        OutreachConfig config,
        Supplier<DiscoverSubmission> discovery,
        Path workDir,
        Clock clock) {}
