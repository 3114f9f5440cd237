package dev.outreachpipeline.config;

import java.util.Optional;
import java.util.function.Function;

/**
 * A setting's check made from the parser that reads the setting: the value is fine when it parses,
 * and what is wrong with it is the parser's own reason, so the check and the parser never disagree.
 */
public final class ParseCheck {

    private ParseCheck() {}

    /**
     * @param parser throws IllegalArgumentException saying what is wrong
     * @return empty when {@code text} parses, else the parser's reason
     */
    public static Optional<String> problem(String text, Function<String, ?> parser) {
        try {
            parser.apply(text);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }
}
