package dev.outreachpipeline.simulators;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Every call a simulator answered, and the counts a report needs. Safe for concurrent use. */
public final class CallLog {

    private final List<Call> calls = new ArrayList<>();
    private final Set<String> subjects = ConcurrentHashMap.newKeySet();

    synchronized void record(Call call) {
        calls.add(call);
    }

    /** What a call was about: a (keyword, location) for DataForSEO, a domain for Hunter. */
    void subject(String subject) {
        subjects.add(subject);
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Endpoint → calls, sorted by endpoint. */
    public synchronized Map<String, Integer> callsPerEndpoint() {
        var counts = new TreeMap<String, Integer>();
        calls.forEach(c -> counts.merge(c.endpoint(), 1, Integer::sum));
        return counts;
    }

    public synchronized int total() {
        return calls.size();
    }

    /** Calls answered with any error: simulated, rate limit, credentials or a refused request. */
    public synchronized int errors() {
        return (int) calls.stream().filter(c -> c.outcome().isError()).count();
    }

    public synchronized int count(Call.Outcome outcome) {
        return (int) calls.stream().filter(c -> c.outcome() == outcome).count();
    }

    /** Distinct things asked about: (keyword, location) pairs for DataForSEO, domains for Hunter. */
    public int uniqueSubjects() {
        return subjects.size();
    }
}
