package dev.odoobridge.testkit;

import dev.odoobridge.client.OdooClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * JUnit 5 extension behind {@link FakeOdooTest}: one {@link FakeOdoo} per test class, started on
 * first use and closed with the class; resolves {@link FakeOdoo} and {@link OdooClient} parameters.
 */
public final class FakeOdooExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FakeOdooExtension.class);

    /** Created by JUnit. */
    public FakeOdooExtension() {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == FakeOdoo.class || type == OdooClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Running running = running(context);
        if (parameter.getParameter().getType() == FakeOdoo.class) {
            return running.fake;
        }
        try {
            return running.client(running.fake.adminClient());
        } catch (RuntimeException e) {
            throw new ParameterResolutionException("cannot create an OdooClient for FakeOdoo at "
                    + running.fake.url() + ": " + e.getMessage(), e);
        }
    }

    private static Running running(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        Class<?> testClass = classContext.getRequiredTestClass();
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(testClass, c -> start(testClass), Running.class);
    }

    private static Running start(Class<?> testClass) {
        Optional<FakeOdooTest> options = AnnotationSupport.findAnnotation(testClass, FakeOdooTest.class);
        FakeOdoo.Builder builder = FakeOdoo.builder();
        options.ifPresent(o -> builder.products(o.products()).seed(o.seed()).database(o.database()));
        return new Running(builder.build().start());
    }

    /** The server of one test class and the clients handed out, closed with the class. */
    @SuppressWarnings("deprecation")
    private static final class Running implements ExtensionContext.Store.CloseableResource {
        private final FakeOdoo fake;
        private final List<OdooClient> clients = new ArrayList<>();

        Running(FakeOdoo fake) {
            this.fake = fake;
        }

        synchronized OdooClient client(OdooClient client) {
            clients.add(client);
            return client;
        }

        @Override
        public synchronized void close() {
            try {
                clients.forEach(OdooClient::close);
            } finally {
                fake.close();
            }
        }
    }
}
