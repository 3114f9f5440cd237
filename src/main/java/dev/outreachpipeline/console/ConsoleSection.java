package dev.outreachpipeline.console;

/** One part of the console (review, campaigns, jobs, …): the pages and forms it adds to the router. */
public interface ConsoleSection {

    void mount(ConsoleRouter router);
}
