package dev.odoobridge.portal;

import static dev.odoobridge.portal.data.ShopFixture.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.odoobridge.portal.data.ReadModelVendorData;
import dev.odoobridge.portal.pages.DashboardPages;
import dev.odoobridge.portal.pages.ProductPages;
import dev.odoobridge.portal.pages.StaticAssets;
import dev.odoobridge.portal.pages.VendorScopes;
import dev.odoobridge.portal.data.ShopFixture;
import dev.odoobridge.portal.web.Exchange;
import dev.odoobridge.portal.web.Gate;
import dev.odoobridge.portal.web.PortalException;
import dev.odoobridge.portal.web.SignedIn;
import dev.odoobridge.readmodel.report.VendorScope;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The portal in a real headless Chromium through Selenium: Debian's {@code /usr/bin/chromium} and
 * {@code /usr/bin/chromedriver} (packages {@code chromium} and {@code chromium-driver}); skipped when either is missing.
 * The portal runs in a Jetty of its own under {@code /portal} with a gate that signs in one fixed vendor, over an
 * in-memory read model with two shops. It checks the dashboard ({@code /dashboard}) and a product page
 * ({@code /product/{source}/{id}}) with its chart, under the portal's content security policy, and saves screenshots of
 * both, light and dark ({@code prefers-color-scheme} emulated through the DevTools protocol), into
 * {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalChromiumIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private ShopFixture shop;
    private Server server;
    private ChromeDriver driver;
    private Path profile;
    private String base;

    @BeforeAll
    void start() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "skipped: the browser test needs Debian's chromium and chromium-driver (/usr/bin/chromium and "
                        + "/usr/bin/chromedriver); install them with 'apt-get install chromium chromium-driver'");
        shop = new ShopFixture();
        fill(shop);
        VendorScope scope = VendorScope.of("north", List.of(70L)).and("south", List.of(80L));
        ReadModelVendorData data = new ReadModelVendorData(shop.model().reports(), shop.clock());
        VendorScopes scopes = vendor -> Optional.of(scope);
        Portal portal = Portal.builder().gate(new FixedVendor("vendor@example.com"))
                .module(new DashboardPages(data, scopes)).module(new ProductPages(data, scopes)).module(new StaticAssets())
                .build();
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new ContextHandler(portal.handler(), "/portal"));
        server.start();
        base = "http://127.0.0.1:" + connector.getLocalPort() + "/portal";

        profile = Files.createTempDirectory("portal-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1280,900", "--hide-scrollbars");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    /** North: three products of partner 70 (one of them with a 120-day history and lots), one of partner 71. South: one. */
    private static void fill(ShopFixture shop) {
        shop.locations("north").locations("south")
                .product("north", 1, "Oat milk <1L> & \"barista\"", 70, 80).product("north", 2, "Rye bread", 70, 40)
                .product("north", 3, "Honey", 70, 3).product("north", 4, "Not this vendor's", 71, 9)
                .product("south", 1, "Espresso beans", 80, 25);
        long id = 1000;
        for (int d = 0; d < 120; d++) {
            int sold = (int) Math.round(3 + 2 * Math.sin(d / 6.0) + (d % 7 == 5 ? 4 : 0));
            if (d % 9 != 0) {
                shop.move("north", id++, 1, 5, 9, sold, TODAY.minusDays(d));
            }
            if (d % 21 == 3) {
                shop.move("north", id++, 1, 8, 5, 75, TODAY.minusDays(d));
            }
            if (d % 4 == 0) {
                shop.move("north", id++, 2, 5, 9, 1 + d % 3, TODAY.minusDays(d));
            }
        }
        shop.lot("north", 11, 1, "OM-2611", TODAY.plusDays(5), 6).lot("north", 12, 1, "OM-2701", TODAY.plusDays(60), 10)
                .lot("north", 13, 1, "OM-2609", TODAY.minusDays(2), 2);
    }

    @AfterAll
    void stop() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.stop();
        }
        if (shop != null) {
            shop.close();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void dashboardShowsEveryProductOfTheVendorInEveryShopAndNothingElse() {
        driver.get(base + "/dashboard");
        List<String> names = driver.findElements(By.cssSelector("tbody tr th[scope=row]")).stream()
                .map(WebElement::getText).toList();
        assertThat(names).containsExactlyInAnyOrder("Honey", "Oat milk <1L> & \"barista\"", "Rye bread", "Espresso beans");
        assertThat(driver.getPageSource()).doesNotContain("Not this vendor's");
        assertThat(driver.findElements(By.cssSelector("tbody .badge.urgent"))).isNotEmpty()
                .allSatisfy(b -> assertThat(b.getText()).isEqualTo("Urgent"));
    }

    @Test
    void productPageDrawsTheTrendChartUnderTheContentSecurityPolicy() {
        driver.get(base + "/dashboard");
        driver.findElement(By.linkText("Oat milk <1L> & \"barista\"")).click();
        assertThat(driver.getCurrentUrl()).isEqualTo(base + "/product/north/1");
        WebElement chart = driver.findElement(By.cssSelector("svg[role=img]"));
        assertThat(chart.findElement(By.tagName("title")).getAttribute("textContent")).contains("Oat milk <1L> & \"barista\"");
        assertThat(chart.findElement(By.tagName("desc")).getAttribute("textContent")).startsWith("Over 120 days from ");
        assertThat(chart.getSize().getWidth()).isGreaterThan(400);
        assertThat(chart.findElements(By.tagName("rect"))).hasSizeGreaterThan(90);
        // the stylesheet applies (no inline style needed): the bars take the sales colour from their class
        String bars = (String) driver.executeScript(
                "return getComputedStyle(document.querySelector('.chart-sales rect')).fill");
        String text = (String) driver.executeScript("return getComputedStyle(document.body).color");
        assertThat(bars).isNotEqualTo(text);
        assertThat(driver.findElements(By.xpath("//table[caption[@id='lots-caption']]/tbody/tr"))).hasSize(3);
        driver.get(base + "/product/north/4");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Not found");
    }

    @Test
    void screenshotsOfTheDashboardAndTheProductPageLightAndDark() throws Exception {
        Files.createDirectories(SCREENSHOTS);
        driver.manage().window().setSize(new Dimension(1280, 900));
        for (String scheme : List.of("light", "dark")) {
            driver.executeCdpCommand("Emulation.setEmulatedMedia",
                    Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
            driver.get(base + "/dashboard");
            assertThat(driver.executeScript("return matchMedia('(prefers-color-scheme: dark)').matches"))
                    .isEqualTo(scheme.equals("dark"));
            save("dashboard-" + scheme + ".png");
            driver.get(base + "/product/north/1");
            save("product-" + scheme + ".png");
        }
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        try (Stream<Path> shots = Files.list(SCREENSHOTS)) {
            assertThat(shots.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png")).toList())
                    .contains("dashboard-light.png", "dashboard-dark.png", "product-light.png", "product-dark.png");
        }
    }

    private void save(String name) throws Exception {
        Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
        assertThat(Files.size(shot)).isGreaterThan(1_000);
        Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Signs in one vendor on every request; the browser test posts no forms. */
    private record FixedVendor(String vendor) implements Gate {
        @Override
        public Optional<SignedIn> resolve(Exchange exchange) {
            return Optional.of(new SignedIn("test-session", vendor, "test-csrf"));
        }

        @Override
        public void checkCsrf(Exchange exchange) {
            throw new PortalException(403, "The browser test posts no forms.");
        }
    }
}
