package org.ndoo.gateway.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The interleaved pairs of one configuration and size: a baseline run, then a gateway drop, the one right after
 * the other, so that whatever the machine does at that moment lands on both. The figure is the ratio within each
 * pair (gateway processing / baseline time), summed up by its median, its extremes and its interquartile range.
 */
final class Pairs {

    /** One baseline run and the gateway drop after it, each with what the machine did meanwhile. */
    record Pair(long baselineMs, long gatewayMs, MachineLoad.Load baselineLoad, MachineLoad.Load gatewayLoad) {

        double ratio() {
            return gatewayMs / (double) Math.max(1, baselineMs);
        }

        /** Both windows as one. */
        MachineLoad.Load load() {
            return baselineLoad.plus(gatewayLoad);
        }

        boolean disturbed() {
            return load().disturbed();
        }
    }

    private final List<Pair> pairs = new ArrayList<>();

    void add(Pair pair) {
        pairs.add(pair);
    }

    List<Pair> all() {
        return List.copyOf(pairs);
    }

    List<Long> baselineTimes() {
        return pairs.stream().map(Pair::baselineMs).toList();
    }

    /** The pairs whose windows saw steal and other load under {@link MachineLoad}'s limits. */
    Pairs undisturbed() {
        Pairs quiet = new Pairs();
        pairs.stream().filter(p -> !p.disturbed()).forEach(quiet::add);
        return quiet;
    }

    int size() {
        return pairs.size();
    }

    /** "1.42", the median pair ratio; "-" without pairs. */
    String median() {
        return pairs.isEmpty() ? "-" : String.format("%.2f", quantile(0.5));
    }

    /** "1.20-1.91", the lowest and highest pair ratio. */
    String range() {
        return pairs.isEmpty() ? "-" : String.format("%.2f-%.2f", quantile(0), quantile(1));
    }

    /** "1.35-1.50", the first and third quartiles of the pair ratios. */
    String interquartileRange() {
        return pairs.isEmpty() ? "-" : String.format("%.2f-%.2f", quantile(0.25), quantile(0.75));
    }

    /** The highest steal and other load any pair saw, in %: "0.0 / 3.1". */
    String worstLoad() {
        double steal = pairs.stream().mapToDouble(p -> p.load().stealPercent()).max().orElse(0);
        double other = pairs.stream().mapToDouble(p -> p.load().otherPercent()).max().orElse(0);
        return String.format("%.1f / %.1f", steal, other);
    }

    /** The p-quantile of the pair ratios (0 the lowest, 1 the highest), interpolated between neighbours. */
    double quantile(double p) {
        List<Double> sorted = pairs.stream().map(Pair::ratio).sorted().toList();
        double at = p * (sorted.size() - 1);
        int below = (int) Math.floor(at);
        int above = Math.min(below + 1, sorted.size() - 1);
        return sorted.get(below) + (at - below) * (sorted.get(above) - sorted.get(below));
    }
}
