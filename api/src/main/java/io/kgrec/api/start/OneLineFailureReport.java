package io.kgrec.api.start;

import java.io.PrintStream;
import java.io.PrintWriter;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;

/**
 * Reports an explained start failure as one line on stderr: what went wrong, and what to do. It takes the place of
 * Spring Boot's framed "APPLICATION FAILED TO START" report (whose logger logback.xml turns off); an unexplained
 * failure still gets Spring's log with its stack trace.
 */
public final class OneLineFailureReport implements FailureAnalysisReporter {

    @Override
    public void report(FailureAnalysis analysis) {
        print(analysis, System.err);
    }

    /** Prints the analysis as one line, on a stream or a picocli command's error writer. */
    public static void print(FailureAnalysis analysis, PrintStream err) {
        err.println(line(analysis));
    }

    public static void print(FailureAnalysis analysis, PrintWriter err) {
        err.println(line(analysis));
        err.flush();
    }

    private static String line(FailureAnalysis analysis) {
        return "kgrec cannot start: " + oneLine(analysis.getDescription()) + "; " + oneLine(analysis.getAction());
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
