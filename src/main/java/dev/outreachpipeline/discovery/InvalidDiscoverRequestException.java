package dev.outreachpipeline.discovery;

import java.util.List;

/** A discover request that cannot be run; the message lists every problem, one per line. */
public final class InvalidDiscoverRequestException extends IllegalArgumentException {

    private final List<String> problems;

    public InvalidDiscoverRequestException(List<String> problems) {
        super("The discover request has " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + ":\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
