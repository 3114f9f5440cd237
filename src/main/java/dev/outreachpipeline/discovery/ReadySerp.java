package dev.outreachpipeline.discovery;

/** A collected standard-mode task: the SERP of one query (discovery_queries.id), ready to save. */
public record ReadySerp(String queryId, SerpCall call) {}
