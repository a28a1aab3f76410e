package org.ndoo.gateway.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How many sign-in links may be asked for: at most {@code limit} requests per address and per client in any
 * {@code window} (a sliding window). A request over either limit is not counted against the other.
 */
public final class SignInLimits {

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> requests = new HashMap<>();

    public SignInLimits(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Counts one request for {@code address} from {@code client}; false when either is over its limit. */
    public synchronized boolean allow(String address, String client) {
        Instant now = clock.instant();
        requests.values().forEach(times -> forget(times, now));
        requests.values().removeIf(Deque::isEmpty);
        Deque<Instant> byAddress = requests.computeIfAbsent("address:" + address.toLowerCase(Locale.ROOT),
                k -> new ArrayDeque<>());
        Deque<Instant> byClient = requests.computeIfAbsent("client:" + client, k -> new ArrayDeque<>());
        if (byAddress.size() >= limit || byClient.size() >= limit) {
            return false;
        }
        byAddress.addLast(now);
        byClient.addLast(now);
        return true;
    }

    private void forget(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
            times.removeFirst();
        }
    }
}
