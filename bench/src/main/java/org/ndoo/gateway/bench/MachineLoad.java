package org.ndoo.gateway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What the machine did during a timed run, from {@code /proc}: the CPU time stolen by the hypervisor, and the "other
 * load", the busy CPU time of processes the benchmark did not start. Both are shares of the window's CPU time (wall
 * time x cores), counted in the kernel's clock ticks (10 ms each). The benchmark's own processes are its own JVM,
 * the baseline's, the gateway's and the lookup server's, so other load is what someone else did on the machine.
 * <p>
 * {@link #read} before a run, {@link #since} after it. Without {@code /proc} the load is {@link Load#UNKNOWN}.
 */
final class MachineLoad {

    /** A run with more steal than this (% of the window's CPU time) is marked disturbed. */
    static final double STEAL_LIMIT = 5;
    /** A run with more other load than this (% of the window's CPU time, a tenth of one core on 2 cores) likewise. */
    static final double OTHER_LIMIT = 5;

    /** The counters at one moment: all CPU ticks, busy ones, stolen ones, and those of the benchmark's processes. */
    record Reading(long total, long busy, long steal, long ours) {
    }

    /** Over one window: its CPU ticks, steal and other load in % of them. */
    record Load(long ticks, double stealPercent, double otherPercent) {

        static final Load UNKNOWN = new Load(0, 0, 0);

        boolean disturbed() {
            return stealPercent > STEAL_LIMIT || otherPercent > OTHER_LIMIT;
        }

        /** Two windows as one (a baseline run and a gateway drop: one pair). */
        Load plus(Load other) {
            long sum = ticks + other.ticks;
            if (sum == 0) {
                return UNKNOWN;
            }
            return new Load(sum, (stealPercent * ticks + other.stealPercent * other.ticks) / sum,
                    (otherPercent * ticks + other.otherPercent * other.ticks) / sum);
        }
    }

    private final List<Long> pids;

    /** Counts the CPU time of {@code pids} (and of this JVM) as the benchmark's own. */
    MachineLoad(List<Long> pids) {
        this.pids = pids;
    }

    Reading read() {
        try {
            // cpu  user nice system idle iowait irq softirq steal [guest guest_nice: already in user and nice]
            long[] cpu = Arrays.stream(Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+"))
                    .skip(1).limit(8).mapToLong(Long::parseLong).toArray();
            long total = Arrays.stream(cpu).sum();
            long busy = cpu[0] + cpu[1] + cpu[2] + cpu[5] + cpu[6];
            long ours = processTicks(ProcessHandle.current().pid());
            for (long pid : pids) {
                ours += processTicks(pid);
            }
            return new Reading(total, busy, cpu[7], ours);
        } catch (IOException | RuntimeException noProc) {
            return null;
        }
    }

    Load since(Reading start) {
        Reading end = read();
        if (start == null || end == null || end.total() <= start.total()) {
            return Load.UNKNOWN;
        }
        long ticks = end.total() - start.total();
        long other = Math.max(0, (end.busy() - start.busy()) - (end.ours() - start.ours()));
        return new Load(ticks, 100.0 * (end.steal() - start.steal()) / ticks, 100.0 * other / ticks);
    }

    /** utime + stime of a process, from {@code /proc/<pid>/stat}; 0 once it has gone. */
    private static long processTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // the fields after "(name)": state is the first, utime the 12th and stime the 13th
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
