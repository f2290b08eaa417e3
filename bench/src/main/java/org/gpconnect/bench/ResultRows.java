package org.gpconnect.bench;

import java.io.PrintStream;

/**
 * Where a benchmark's figures go: standard output, one Markdown table row (or line) each, which the
 * {@code bench/*.sh} scripts collect into the tables of docs/benchmarks.md. The benchmarks are command-line
 * tools, so this is their interface, not logging; problems during a run go to a logger.
 */
final class ResultRows {

    private static final PrintStream OUT = System.out;

    private ResultRows() {
    }

    static void row(String format, Object... values) {
        OUT.printf(format + "%n", values);
    }
}
