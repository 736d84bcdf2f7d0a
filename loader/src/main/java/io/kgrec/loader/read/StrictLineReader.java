package io.kgrec.loader.read;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads lines in a strict charset, decoding each line on its own so that a byte that is not valid in the charset is
 * reported at the line where it is, not where a read-ahead buffer happened to start. Lines end at {@code \n} (an
 * optional {@code \r} before it is dropped), so the charset must encode {@code \n} as that one byte: UTF-8, ISO-8859-x,
 * windows-125x and the like.
 */
final class StrictLineReader implements Closeable {
    private final InputStream in;
    private final InputStream raw;
    private final CharsetDecoder decoder;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] line = new byte[256];

    /**
     * @param in  the decompressed bytes
     * @param raw the bytes as stored ({@code in} itself for an uncompressed file)
     */
    StrictLineReader(InputStream in, InputStream raw, Charset charset) {
        this.in = in;
        this.raw = raw;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** Whether lines of this charset can be split at the byte {@code \n}. */
    static boolean splitsAtNewlineByte(Charset charset) {
        return charset.canEncode() && Arrays.equals("\n".getBytes(charset), new byte[] {'\n'})
                && Arrays.equals("a".getBytes(charset), new byte[] {'a'});
    }

    /**
     * @return the next line without its line end, or {@code null} at the end of the input
     * @throws CharacterCodingException if the line is not valid in the charset
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
        if (isAscii(length)) {
            // The common case, and every supported charset agrees on ASCII: skip the decoder.
            return new String(line, 0, length, StandardCharsets.ISO_8859_1);
        }
        return decoder.decode(ByteBuffer.wrap(line, 0, length)).toString();
    }

    private boolean isAscii(int length) {
        for (int i = 0; i < length; i++) {
            if (line[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** Reads the stored bytes to their end, e.g. so a digest over them is complete. */
    void drainRaw() throws IOException {
        raw.transferTo(OutputStream.nullOutputStream());
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
