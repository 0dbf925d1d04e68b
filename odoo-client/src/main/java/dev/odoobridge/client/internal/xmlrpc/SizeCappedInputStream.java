package dev.odoobridge.client.internal.xmlrpc;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts bytes while they stream and fails as soon as more than the cap have been read. Closing
 * it leaves the underlying stream open (XML parsers close their input when done; the owner drains
 * and closes the HTTP body itself so the connection can be reused).
 */
final class SizeCappedInputStream extends FilterInputStream {
    private final long maxBytes;
    private long count;
    private boolean sourceFailed;

    SizeCappedInputStream(InputStream in, long maxBytes) {
        super(in);
        this.maxBytes = maxBytes;
    }

    @Override
    public int read() throws IOException {
        int b = (int) source(() -> super.read());
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = (int) source(() -> super.read(buffer, offset, length));
        if (n > 0) {
            add(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = source(() -> super.skip(n));
        add(skipped);
        return skipped;
    }

    @Override
    public void close() {
        // the owner closes the underlying stream
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /**
     * True when the underlying stream itself failed (network), as opposed to a decoder reading it
     * reporting bad content as an {@link IOException} (e.g. Jackson's CharConversionException).
     */
    boolean sourceFailed() {
        return sourceFailed;
    }

    private long source(SourceRead read) throws IOException {
        try {
            return read.run();
        } catch (IOException e) {
            sourceFailed = true;
            throw e;
        }
    }

    /** One read of the underlying stream. */
    @FunctionalInterface
    private interface SourceRead {
        long run() throws IOException;
    }

    private void add(long n) throws ResponseTooLargeException {
        count += n;
        if (count > maxBytes) {
            throw new ResponseTooLargeException(maxBytes);
        }
    }

    /** Thrown while reading once the body exceeded the cap. */
    static final class ResponseTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        ResponseTooLargeException(long maxBytes) {
            super("response body exceeds the configured maximum of " + maxBytes + " bytes");
        }
    }
}
