package dev.odoobridge.sync;

import dev.odoobridge.sync.testing.FakeClock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The {@link Fixture}s a test opens, closed after it: register with {@code @RegisterExtension}. */
final class Fixtures implements AfterEachCallback {
    private final List<Fixture> open = new ArrayList<>();

    /** A fixture on its own clock. */
    Fixture open() {
        return keep(new Fixture());
    }

    /** A fixture whose write dates follow {@code clock}. */
    Fixture open(FakeClock clock) {
        return keep(new Fixture(clock));
    }

    private synchronized Fixture keep(Fixture f) {
        open.add(f);
        return f;
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) {
        open.forEach(Fixture::close);
        open.clear();
    }
}
