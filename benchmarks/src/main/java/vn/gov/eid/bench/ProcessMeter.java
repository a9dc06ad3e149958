package vn.gov.eid.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * CPU time and resident memory of processes, read from Linux's /proc: what a service process and the PostgreSQL
 * server (postmaster, its live backends and the ones that exited, through the postmaster's children's times) have
 * spent, so that a phase's cost can be given per account or per login.
 */
final class ProcessMeter {

    /** Clock ticks per second of /proc's times (USER_HZ). */
    private static final long TICKS = ticksPerSecond();

    private ProcessMeter() {}

    /** CPU milliseconds (user + system) the process has spent, with its exited children's. */
    static long cpuMillis(long pid) {
        long[] t = times(pid).orElseThrow(() -> new IllegalStateException("process " + pid + " is gone"));
        return (t[0] + t[1] + t[2] + t[3]) * 1000 / TICKS;
    }

    /**
     * CPU milliseconds of the PostgreSQL server listening on the port: the postmaster with its exited children, plus
     * every live child.
     */
    static long postgresCpuMillis(long postmaster) {
        long ticks = 0;
        long[] own =
                times(postmaster).orElseThrow(() -> new IllegalStateException("postmaster " + postmaster + " is gone"));
        ticks += own[0] + own[1] + own[2] + own[3];
        for (long child : children(postmaster)) {
            Optional<long[]> t = times(child);
            if (t.isPresent()) {
                ticks += t.get()[0] + t.get()[1];
            }
        }
        return ticks * 1000 / TICKS;
    }

    /** Resident set size in KiB (VmRSS). */
    static long rssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the memory of process " + pid, e);
        }
        throw new IllegalStateException("no VmRSS for process " + pid);
    }

    /** The postmaster listening on the given port: a postgres process whose parent is not one, with the port. */
    static long postmaster(int port) {
        List<Long> found = new ArrayList<>();
        for (long pid : allPids()) {
            String comm = read(pid, "comm").orElse("").trim();
            String cmdline = read(pid, "cmdline").orElse("").replace('\0', ' ');
            if (comm.equals("postgres") && cmdline.matches(".*-p\\s+" + port + "(\\s.*|$)")) {
                long parent = parent(pid);
                if (!read(parent, "comm").orElse("").trim().equals("postgres")) {
                    found.add(pid);
                }
            }
        }
        if (found.size() != 1) {
            throw new IllegalStateException("expected one postmaster on port " + port + ", found " + found);
        }
        return found.get(0);
    }

    private static List<Long> children(long pid) {
        List<Long> list = new ArrayList<>();
        for (long p : allPids()) {
            if (parent(p) == pid) {
                list.add(p);
            }
        }
        return list;
    }

    private static long parent(long pid) {
        return stat(pid).map(f -> Long.parseLong(f[1])).orElse(-1L);
    }

    /** utime, stime, cutime, cstime in ticks. */
    private static Optional<long[]> times(long pid) {
        return stat(pid)
                .map(f -> new long[] {
                    Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]), Long.parseLong(f[14])
                });
    }

    /** The fields of /proc/pid/stat after the command name (field 3, the state, is index 0). */
    private static Optional<String[]> stat(long pid) {
        return read(pid, "stat")
                .map(s -> s.substring(s.lastIndexOf(')') + 2).trim().split(" "));
    }

    private static Optional<String> read(long pid, String file) {
        try {
            return Optional.of(Files.readString(Path.of("/proc", String.valueOf(pid), file)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // gone in the meantime
        }
    }

    private static List<Long> allPids() {
        List<Long> pids = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(
                Path.of("/proc"), p -> p.getFileName().toString().matches("[0-9]+"))) {
            for (Path p : dirs) {
                pids.add(Long.parseLong(p.getFileName().toString()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        return pids;
    }

    private static long ticksPerSecond() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor();
            return Long.parseLong(out);
        } catch (IOException | NumberFormatException e) {
            return 100; // Linux's USER_HZ on every common architecture
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
