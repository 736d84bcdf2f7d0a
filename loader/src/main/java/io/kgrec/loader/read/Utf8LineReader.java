package io.kgrec.loader.read;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads lines of strict UTF-8, decoding each line on its own so that a bad byte is reported at the line where it
 * is, not where a read-ahead buffer happened to start. Accepts {@code \n} and {@code \r\n} line ends.
 */
final class Utf8LineReader implements Closeable {
    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] line = new byte[256];

    Utf8LineReader(InputStream in) {
        this.in = in;
    }

    /**
     * @return the next line without its line end, or {@code null} at the end of the input
     * @throws CharacterCodingException if the line is not valid UTF-8
     */
    String readLine() throws IOException {
        int length = 0;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return any ? decode(length) : null;
                }
            }
            any = true;
            byte b = buffer[position++];
            if (b == '\n') {
                return decode(length);
            }
            if (length == line.length) {
                line = Arrays.copyOf(line, line.length * 2);
            }
            line[length++] = b;
        }
    }

    private String decode(int length) throws CharacterCodingException {
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        return decoder.decode(ByteBuffer.wrap(line, 0, length)).toString();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
