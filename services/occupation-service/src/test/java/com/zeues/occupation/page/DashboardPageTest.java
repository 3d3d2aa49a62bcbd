package com.zeues.occupation.page;

import static com.zeues.occupation.ApiClient.cmd;
import static com.zeues.occupation.MasterDataFixture.FERNANDO;
import static com.zeues.occupation.MasterDataFixture.JUAN;
import static com.zeues.occupation.MasterDataFixture.MAURICIO;
import static com.zeues.occupation.MasterDataFixture.NICOLAS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zeues.occupation.ApiClient;
import com.zeues.occupation.MasterDataFixture;
import com.zeues.occupation.OccupationServiceContext;
import com.zeues.occupation.SharedKafka;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard page at {@code /} in Debian's headless Chromium, driven by Selenium against the real service
 * and a real broker: it loads and connects, a TOMAR made through the API appears live over SSE, a PAUSAR
 * removes it, the search box shows a spool's status and history (and the contract's error messages), the page
 * rides out a network cut without reloading (the missed events replayed), and screenshots land in
 * {@code target/}. Skipped when Chromium or ChromeDriver is not installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardPageTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** The contract says 1 s; a loaded 2-core CI machine gets slack. */
    static final Duration LIVE = Duration.ofSeconds(10);
    static final boolean BROWSER_INSTALLED = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);

    OccupationServiceContext svc;
    ApiClient api;
    String base;
    WebDriver driver;
    Path profile;
    final List<String> consoleErrors = new ArrayList<>();

    @BeforeAll
    void start() throws IOException {
        if (!BROWSER_INSTALLED) {
            return; // every test is skipped by the assumption below; nothing is started
        }
        svc = new OccupationServiceContext(SharedKafka.bootstrapServers());
        api = svc.startOperational();
        base = "http://127.0.0.1:" + svc.port();
        driver = startChromium();
    }

    private WebDriver startChromium() throws IOException {
        System.setProperty("SE_OFFLINE", "true"); // Selenium Manager must never download anything
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        profile = Files.createTempDirectory("zeues-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile, "--window-size=1280,960", "--lang=es-CL");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver = chrome;
        viewport(1280, 800); // a 10-inch tablet, landscape
        return chrome;
    }

    @BeforeEach
    void needsTheBrowser() {
        assumeTrue(BROWSER_INSTALLED,
                "headless Chromium not installed (apt-get install chromium chromium-driver): page test skipped");
    }

    @AfterEach
    void collectConsole() {
        if (driver == null) {
            return;
        }
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            System.out.println("[browser] " + e.getLevel() + " " + e.getMessage());
            // a 404/422 answer the page asked for (the search tests) is logged by Chromium as a failed
            // resource load: expected. Script errors and CSP violations are not.
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()
                    && !e.getMessage().contains("Failed to load resource")) {
                consoleErrors.add(e.getMessage());
            }
        }
    }

    @AfterAll
    void stop() throws IOException {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (svc != null) {
                svc.close();
            }
            if (profile != null) {
                try (Stream<Path> files = Files.walk(profile)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void pageAndAssetsAreServedWithSecurityHeaders() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(v -> assertThat(v).contains("default-src 'self'").contains("script-src 'self'")
                        .contains("frame-ancestors 'none'").doesNotContain("unsafe"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.body()).contains("<title>ZEUES").doesNotContain("http://").doesNotContain("https://");

        for (String asset : List.of("/dashboard.js", "/dashboard.css", "/favicon.svg")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + asset)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(asset).isEqualTo(200);
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(asset).hasValue("nosniff");
        }
        // the JSON API keeps its own headers: the page's CSP is not applied there
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/api/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.headers().firstValue("Content-Security-Policy")).isEmpty();
        // nor on the OpenAPI page, whose Swagger UI needs its own inline code
        HttpResponse<String> docs = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NORMAL).build()
                .send(HttpRequest.newBuilder(URI.create(base + "/api/docs")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(docs.statusCode()).as(docs.uri().toString()).isEqualTo(200);
        assertThat(docs.headers().firstValue("Content-Security-Policy")).as(docs.uri().toString()).isEmpty();
        System.out.println("OpenAPI page served at " + docs.uri());
    }

    @Test
    @Order(2)
    void pageLoadsAndConnects() {
        driver.get(base + "/");
        assertThat(driver.getTitle()).isEqualTo("ZEUES · Tablero de ocupación");
        waitUntil(LIVE, d -> "conectado".equals(indicator().getAttribute("data-estado")));
        assertThat(text("#conexion-texto")).isEqualTo("Conectado");
        waitUntil(LIVE, d -> !driver.findElements(By.cssSelector("#resumen .tarjeta")).isEmpty());
        assertThat(driver.findElement(By.id("ocupados-vacio")).isDisplayed()).isTrue();
    }

    @Test
    @Order(3)
    void aTomarAppearsLiveAndAPausarRemovesIt() {
        openPageConnected();
        String tag = "TEST-21";
        By row = By.cssSelector("#ocupados-cuerpo tr[data-tag='" + tag + "']");
        assertThat(driver.findElements(row)).isEmpty();

        long sent = System.nanoTime();
        ApiClient.Response tomar = api.post("/api/occupation/tomar", cmd(tag, MAURICIO, "ARM"));
        assertThat(tomar.status()).as(tomar.raw()).isEqualTo(200);
        waitUntil(LIVE, d -> !driver.findElements(row).isEmpty());
        System.out.printf("TOMAR visible on the page %d ms after the request was sent%n",
                (System.nanoTime() - sent) / 1_000_000);

        WebElement r = driver.findElement(row);
        assertThat(r.getText()).contains(tag).contains("MR(93)").contains("ARM");
        WebElement elapsed = r.findElement(By.cssSelector("td[data-desde]"));
        String first = elapsed.getText();
        assertThat(first).matches("\\d+m \\d{2}s");
        waitUntil(Duration.ofSeconds(4), d -> !driver.findElement(row).findElement(By.cssSelector("td[data-desde]"))
                .getText().equals(first)); // the time since taken ticks
        assertThat(text("#ocupados-total")).isEqualTo("1");
        WebElement newest = driver.findElement(By.cssSelector("#eventos li"));
        assertThat(newest.getAttribute("data-tipo")).isEqualTo("TOMAR_SPOOL");
        assertThat(newest.getText()).contains(tag).contains("MR(93)")
                .contains("MR(93) trabajando ARM (ARM en progreso, SOLD pendiente)");

        ApiClient.Response pausar = api.post("/api/occupation/pausar", cmd(tag, MAURICIO, "ARM"));
        assertThat(pausar.status()).as(pausar.raw()).isEqualTo(200);
        waitUntil(LIVE, d -> driver.findElements(row).isEmpty());
        assertThat(text("#ocupados-total")).isEqualTo("0");
        WebElement latest = driver.findElement(By.cssSelector("#eventos li"));
        assertThat(latest.getAttribute("data-tipo")).isEqualTo("PAUSAR_SPOOL");
        assertThat(latest.getText()).contains(tag).contains("Disponible - ARM pausado, SOLD pendiente");
        assertThat(driver.findElements(By.cssSelector("#eventos li"))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(indicator().getAttribute("data-estado")).isEqualTo("conectado");
    }

    @Test
    @Order(4)
    void theSearchBoxShowsStatusHistoryAndErrors() {
        String tag = "TEST-22";
        assertThat(api.post("/api/occupation/tomar", cmd(tag, JUAN, "ARM")).status()).isEqualTo(200);
        assertThat(api.post("/api/occupation/pausar", cmd(tag, JUAN, "ARM")).status()).isEqualTo(200);
        openPage();

        search(tag);
        waitForDetail("listo");
        assertThat(text("#detalle-titulo")).isEqualTo("Spool " + tag);
        assertThat(text("#detalle-estado")).isEqualTo("Disponible - ARM pausado, SOLD pendiente");
        assertThat(field("arm")).isEqualTo("pausado");
        assertThat(field("sold")).isEqualTo("pendiente");
        assertThat(field("armador")).isEqualTo("JP(94)");
        assertThat(field("ocupado_por")).isEqualTo("—");
        assertThat(field("fecha_materiales")).isEqualTo("10-01-2026");
        assertThat(field("version")).isEqualTo("2");
        List<WebElement> sessions = driver.findElements(By.cssSelector("#detalle-sesiones-cuerpo tr"));
        assertThat(sessions).hasSize(1);
        assertThat(sessions.get(0).getText()).contains("JP(94)").contains("ARM").contains("0m");
        assertThat(text("#detalle-eventos-total")).isEqualTo("2");
        driver.findElement(By.id("detalle-cerrar")).click();
        waitUntil(Duration.ofSeconds(3), d -> !driver.findElement(By.id("detalle")).isDisplayed());

        // the contract's messages: 404 unknown spool, 422 malformed tag
        search("NOPE-99");
        waitForDetail("error");
        assertThat(text("#detalle-error")).isEqualTo("Spool NOPE-99 no encontrado");

        String hostile = "<img src=x onerror=alert(1)>";
        search(hostile);
        waitForDetail("error");
        assertThat(text("#detalle-error")).startsWith("Solicitud inválida: tag_spool");
        assertThat(text("#detalle-titulo")).isEqualTo("Spool " + hostile);
        assertThat(driver.findElements(By.cssSelector("#detalle img, #detalle-titulo *"))).isEmpty();
        driver.findElement(By.id("detalle-cerrar")).click();
    }

    @Test
    @Order(5)
    void screenshotsOfALiveShopFloor() throws IOException {
        openPageConnected();
        Map<String, Map<String, Object>> takes = new LinkedHashMap<>();
        takes.put("TEST-23", cmd("TEST-23", MAURICIO, "ARM"));
        takes.put("TEST-24", cmd("TEST-24", NICOLAS, "ARM"));
        takes.put("ARMDONE-01", cmd("ARMDONE-01", FERNANDO, "SOLD"));
        takes.put("TEST-25", cmd("TEST-25", JUAN, "ARM"));
        takes.forEach((tag, body) -> {
            ApiClient.Response r = api.post("/api/occupation/tomar", body);
            assertThat(r.status()).as(r.raw()).isEqualTo(200);
        });
        waitUntil(LIVE, d -> driver.findElements(By.cssSelector("#ocupados-cuerpo tr")).size() == takes.size());
        assertThat(api.post("/api/occupation/pausar", cmd("TEST-25", JUAN, "ARM")).status()).isEqualTo(200);
        assertThat(api.post("/api/occupation/tomar", cmd("TEST-25", JUAN, "ARM")).status()).isEqualTo(200);
        waitUntil(LIVE, d -> driver.findElements(By.cssSelector("#eventos li")).size() >= takes.size() + 2);
        // the counts follow the updates (debounced)
        waitUntil(LIVE, d -> !driver.findElements(By.cssSelector("#resumen .tarjeta")).isEmpty());
        sleep(1500);
        Path dir = Path.of(System.getProperty("basedir", "."), "target");
        Files.createDirectories(dir);
        Path main = screenshot(dir.resolve("dashboard.png"));

        search("TEST-22");
        waitForDetail("listo");
        screenshot(dir.resolve("dashboard-busqueda.png"));
        driver.findElement(By.id("detalle-cerrar")).click();

        viewport(800, 1280); // the same tablet held upright
        sleep(500);
        screenshot(dir.resolve("dashboard-vertical.png"));
        viewport(1280, 800);
        assertThat(main).isRegularFile();
        assertThat(Files.size(main)).isGreaterThan(10_000);
        assertThat(indicator().getAttribute("data-estado")).isEqualTo("conectado");
    }

    @Test
    @Order(6)
    void itKeepsWorkingAcrossAReconnectWithoutReloading() throws IOException {
        try (DroppableProxy proxy = new DroppableProxy(svc.port())) {
            driver.get("http://127.0.0.1:" + proxy.port() + "/");
            waitUntil(LIVE, d -> "conectado".equals(indicator().getAttribute("data-estado")));
            ((JavascriptExecutor) driver).executeScript("window.sinRecargar = true;");
            assertThat(api.post("/api/occupation/tomar", cmd("TEST-26", MAURICIO, "ARM")).status()).isEqualTo(200);
            waitUntil(LIVE, d -> !driver.findElements(By.cssSelector("#ocupados-cuerpo tr[data-tag='TEST-26']")).isEmpty());

            proxy.drop(); // the network goes away: open connections cut, new ones refused
            waitUntil(LIVE, d -> "reconectando".equals(indicator().getAttribute("data-estado")));
            assertThat(text("#conexion-texto")).isEqualTo("Reconectando…");
            assertThat(text("#conexion-reconexiones")).isEqualTo("1 reconexión");
            // what happens meanwhile is missed by the page ...
            assertThat(api.post("/api/occupation/pausar", cmd("TEST-26", MAURICIO, "ARM")).status()).isEqualTo(200);
            assertThat(api.post("/api/occupation/tomar", cmd("TEST-27", NICOLAS, "ARM")).status()).isEqualTo(200);
            sleep(1000);
            assertThat(driver.findElements(By.cssSelector("#ocupados-cuerpo tr[data-tag='TEST-26']"))).hasSize(1);

            proxy.restore(); // ... and replayed after the browser reconnects by itself (Last-Event-ID)
            waitUntil(LIVE, d -> "conectado".equals(indicator().getAttribute("data-estado")));
            waitUntil(LIVE, d -> driver.findElements(By.cssSelector("#ocupados-cuerpo tr[data-tag='TEST-26']")).isEmpty()
                    && !driver.findElements(By.cssSelector("#ocupados-cuerpo tr[data-tag='TEST-27']")).isEmpty());
            assertThat(text("#conexion-reconexiones")).isEqualTo("1 reconexión");
            assertThat(driver.findElements(By.cssSelector("#eventos li[data-tag='TEST-26'][data-tipo='PAUSAR_SPOOL']")))
                    .as("the missed PAUSAR, replayed into the feed").hasSize(1);
            assertThat(((JavascriptExecutor) driver).executeScript("return window.sinRecargar === true")).isEqualTo(true);

            // and live updates go on over the new connection
            assertThat(api.post("/api/occupation/pausar", cmd("TEST-27", NICOLAS, "ARM")).status()).isEqualTo(200);
            waitUntil(LIVE, d -> driver.findElements(By.cssSelector("#ocupados-cuerpo tr[data-tag='TEST-27']")).isEmpty());
        }
    }

    @Test
    @Order(7)
    void theConsoleShowsNoErrors() {
        assertThat(consoleErrors).as("browser console errors (CSP violations, script errors)").isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------

    private void openPage() {
        driver.get(base + "/");
        waitUntil(Duration.ofSeconds(10), d -> "complete".equals(
                ((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    private void openPageConnected() {
        openPage();
        waitUntil(LIVE, d -> "conectado".equals(indicator().getAttribute("data-estado")));
    }

    /** Sizes the window so that the page itself (the viewport) is {@code width} x {@code height}. */
    private void viewport(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        JavascriptExecutor js = (JavascriptExecutor) driver;
        long innerW = ((Number) js.executeScript("return window.innerWidth")).longValue();
        long innerH = ((Number) js.executeScript("return window.innerHeight")).longValue();
        driver.manage().window().setSize(new Dimension((int) (2L * width - innerW), (int) (2L * height - innerH)));
    }

    private WebElement indicator() {
        return driver.findElement(By.id("conexion"));
    }

    private String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    private String field(String name) {
        return driver.findElement(By.cssSelector("#detalle-campos [data-campo='" + name + "'] dd")).getText();
    }

    private void search(String tag) {
        WebElement box = driver.findElement(By.id("buscar-tag"));
        if (driver.findElement(By.id("detalle")).isDisplayed()) {
            driver.findElement(By.id("detalle-cerrar")).click();
        }
        box.clear();
        box.sendKeys(tag);
        driver.findElement(By.id("buscar-boton")).click();
    }

    private void waitForDetail(String state) {
        waitUntil(LIVE, d -> {
            WebElement dialog = d.findElement(By.id("detalle"));
            return dialog.isDisplayed() && state.equals(dialog.getAttribute("data-estado"));
        });
    }

    private void waitUntil(Duration timeout, java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, timeout, Duration.ofMillis(100)).until(condition::apply);
    }

    private Path screenshot(Path target) throws IOException {
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("screenshot: " + target.toAbsolutePath());
        return target;
    }


    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A loopback TCP forwarder in front of the service whose connections the test can cut: the browser sees the
     * network go away and come back, the service keeps running.
     */
    static final class DroppableProxy implements AutoCloseable {

        private final ServerSocket server;
        private final int target;
        private final Set<Socket> open = ConcurrentHashMap.newKeySet();
        private volatile boolean refusing;

        DroppableProxy(int target) throws IOException {
            this.target = target;
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(this::accept, "page-test-proxy");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        /** Cuts every open connection and refuses new ones until {@link #restore()}. */
        void drop() {
            refusing = true;
            open.forEach(DroppableProxy::closeQuietly);
            open.clear();
        }

        void restore() {
            refusing = false;
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    if (refusing) {
                        closeQuietly(client);
                        continue;
                    }
                    Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                    open.add(client);
                    open.add(upstream);
                    pipe(client, upstream);
                    pipe(upstream, client);
                } catch (IOException e) {
                    // closed, or the service refused: the browser sees a failed connection
                }
            }
        }

        private void pipe(Socket from, Socket to) {
            Thread t = new Thread(() -> {
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    byte[] buf = new byte[8192];
                    for (int n; (n = in.read(buf)) >= 0; ) {
                        out.write(buf, 0, n);
                        out.flush();
                    }
                } catch (IOException e) {
                    // cut
                } finally {
                    closeQuietly(from);
                    closeQuietly(to);
                    open.remove(from);
                    open.remove(to);
                }
            }, "page-test-proxy-pipe");
            t.setDaemon(true);
            t.start();
        }

        private static void closeQuietly(Socket s) {
            try {
                s.close();
            } catch (IOException e) {
                // already closed
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            drop();
        }
    }
}
