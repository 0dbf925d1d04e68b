package dev.odoobridge.readmodel.internal;

import com.mongodb.MongoException;
import dev.odoobridge.readmodel.ReadModelException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Objects;

/**
 * The read model's exception boundary: what {@link #guard} hands out throws the driver's
 * {@link MongoException}s as {@link ReadModelException}s (cause kept), so no caller sees a
 * MongoDB type. Every other exception passes unchanged.
 */
final class MongoFailures {
    private MongoFailures() {
    }

    /** {@code target} seen through {@code api}, with MongoDB failures translated. */
    static <T> T guard(Class<T> api, T target) {
        Objects.requireNonNull(target, "target == null");
        InvocationHandler translating = (proxy, method, args) -> call(api, target, method, args);
        return api.cast(Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, translating));
    }

    private static Object call(Class<?> api, Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw translate(api.getSimpleName() + "." + method.getName(), e.getCause());
        }
    }

    /** A MongoDB failure of {@code operation} as a {@link ReadModelException}; anything else as it is. */
    private static Throwable translate(String operation, Throwable failure) {
        if (failure instanceof MongoException m) {
            return new ReadModelException("MongoDB failed in " + operation + ": " + m.getMessage(), m);
        }
        return failure;
    }
}
