package dev.outreachpipeline.links;

/** One redirect followed on the way to a page: the URL that answered, its status and where it sent us. */
public record Redirect(String url, int status, String location) {}
