package dev.outreachpipeline.api;

import java.util.List;

/**
 * What an API endpoint answers: a status and a body written as JSON. Refusals are answers too (an
 * expected outcome, not an exception), in the one error shape {@code {error, reasons[]}}.
 */
record Answer(int status, Object body) {

    static Answer ok(Object body) {
        return new Answer(200, body);
    }

    static Answer refused(int status, String error, List<String> reasons) {
        return new Answer(status, JsonAnswers.errorBody(error, reasons));
    }
}
