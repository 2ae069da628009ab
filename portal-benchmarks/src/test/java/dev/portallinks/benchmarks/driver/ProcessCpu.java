package dev.portallinks.benchmarks.driver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time of another process from {@code /proc/<pid>/stat} (utime + stime). */
final class ProcessCpu {

    /** Linux's USER_HZ: the unit of utime and stime. */
    private static final long TICKS_PER_SECOND = 100;

    private ProcessCpu() {
    }

    /**
     * @param pid the process
     * @return its user + system CPU time so far, in microseconds (10 ms resolution)
     */
    static long micros(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 1_000_000L / TICKS_PER_SECOND;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
