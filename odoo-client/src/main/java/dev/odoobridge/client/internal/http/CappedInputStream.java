package dev.odoobridge.client.internal.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts bytes as they stream and fails once more than the cap have been read. Closing it leaves
 * the underlying stream open: decoders close their input when done, while the owner drains and
 * closes the HTTP body itself so the connection can be reused. Shared by every transport.
 */
public final class CappedInputStream extends FilterInputStream {
    private final long cap;
    private long count;
    private boolean sourceFailed;

    /** Caps {@code in} at {@code cap} bytes. */
    public CappedInputStream(InputStream in, long cap) {
        super(in);
        this.cap = cap;
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
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = (int) source(() -> super.read(buf, off, len));
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

    /**
     * True when the underlying stream itself failed (network), as opposed to a decoder reading it
     * reporting bad content as an {@link IOException} (e.g. Jackson's CharConversionException).
     */
    public boolean sourceFailed() {
        return sourceFailed;
    }

    @Override
    public void close() {
        // the owner closes the underlying stream
    }

    @Override
    public boolean markSupported() {
        return false;
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
        if (count > cap) {
            throw new ResponseTooLargeException(cap);
        }
    }
}
