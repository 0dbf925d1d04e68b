package dev.odoobridge.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against its own {@link FakeOdoo} on a free port: test and lifecycle methods
 * may declare {@link FakeOdoo} and {@link dev.odoobridge.client.OdooClient} parameters (the
 * client is the administrator's; each injected client is closed after the class).
 *
 * <pre>{@code
 * @FakeOdooTest(products = 50)
 * class StockTest {
 *     @Test
 *     void reads(OdooClient odoo, FakeOdoo fake) { ... }
 * }
 * }</pre>
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(FakeOdooExtension.class)
public @interface FakeOdooTest {
    /** Products to generate (0: only the users). */
    int products() default 0;

    /** Seed of the generated data. */
    long seed() default 42;

    /** Database name. */
    String database() default "odoo";
}
