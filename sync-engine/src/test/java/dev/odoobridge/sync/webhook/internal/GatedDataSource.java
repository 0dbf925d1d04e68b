package dev.odoobridge.sync.webhook.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A pool that can hold the next connection request until released (so posts queue up behind a
 * commit in progress) and can play an unavailable database.
 */
final class GatedDataSource implements DataSource {
    private final DataSource delegate;
    private volatile CountDownLatch gate;
    private volatile CountDownLatch held = new CountDownLatch(0);
    private volatile CountDownLatch arrived;
    private volatile boolean down;
    private volatile Error error;

    GatedDataSource(DataSource delegate) {
        this.delegate = delegate;
    }

    /** The next connection request waits for {@link #release}; {@link #awaitArrival} tells when it came. */
    void holdNext() {
        arrived = new CountDownLatch(1);
        held = new CountDownLatch(1);
        gate = held;
    }

    void awaitArrival() throws InterruptedException {
        if (!arrived.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("no connection was requested");
        }
    }

    void release() {
        held.countDown();
    }

    void down(boolean isDown) {
        this.down = isDown;
    }

    /** The next connection request (not one already held) throws this error: a JVM failure in a commit. */
    void failNextWith(Error e) {
        this.error = e;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Error e = error;
        if (e != null) {
            error = null;
            throw e;
        }
        CountDownLatch g = gate;
        if (g != null) {
            gate = null;
            arrived.countDown();
            try {
                if (!g.await(30, TimeUnit.SECONDS)) {
                    throw new AssertionError("the held connection was never released");
                }
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted", ie);
            }
        }
        if (down) {
            throw new SQLTransientConnectionException("the state database is down (test)", "08001");
        }
        return delegate.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return delegate.isWrapperFor(iface);
    }
}
