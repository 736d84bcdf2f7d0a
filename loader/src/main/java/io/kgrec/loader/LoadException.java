package io.kgrec.loader;

import java.nio.file.Path;

/**
 * A problem that stops a load before anything is written: a missing file, a wrong header, an unreadable encoding.
 * The message always names the file, and the line when there is one.
 */
public class LoadException extends RuntimeException {
    public LoadException(String message) {
        super(message);
    }

    public LoadException(String message, Throwable cause) {
        super(message, cause);
    }

    public static LoadException at(Path file, long line, String reason) {
        return new LoadException(file + (line > 0 ? ":" + line : "") + ": " + reason);
    }

    public static LoadException at(Path file, long line, String reason, Throwable cause) {
        return new LoadException(file + (line > 0 ? ":" + line : "") + ": " + reason, cause);
    }
}
