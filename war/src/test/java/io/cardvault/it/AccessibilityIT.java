package io.cardvault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cardvault.it.Api.Reply;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * axe-core (npm, the version pinned in {@code client-js/package-lock.json}) injected into headless
 * Chromium: the demo checkout, every hosted-field frame (empty and with an error shown), and the
 * hosted payment page {@code /pay/{id}} with its frames have no serious or critical violation. Each
 * document is scanned on its own ({@code iframes: false}), because the frames are cross-origin.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessibilityIT {

    static final Path AXE = Path.of("..", "client-js", "node_modules", "axe-core", "axe.min.js");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWar();
    }

    @ArquillianResource URL base;

    Api api;
    WebDriver driver;
    Path profile;
    String axeSource;

    @BeforeEach
    void setUp() throws IOException {
        Assumptions.assumeTrue(
                Files.isExecutable(BrowserIT.CHROMIUM)
                        && Files.isExecutable(BrowserIT.CHROMEDRIVER),
                "needs apt packages chromium and chromium-driver (.ci/run installs them)");
        assertTrue(Files.isRegularFile(AXE), "axe-core missing: build client-js first (npm ci)");
        axeSource = Files.readString(AXE, StandardCharsets.UTF_8);
        api = new Api(base);
        profile = Files.createTempDirectory("cardvault-axe");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BrowserIT.CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1200,900",
                "--user-data-dir=" + profile);
        driver =
                new ChromeDriver(
                        new ChromeDriverService.Builder()
                                .usingDriverExecutable(BrowserIT.CHROMEDRIVER.toFile())
                                .build(),
                        options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    @AfterEach
    void tearDown() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void demoPage_andEveryFieldFrame_noSeriousOrCriticalViolations() {
        driver.get(cardvaultOrigin() + "/demo/?locale=en");
        waitFor(
                () -> driver.findElements(By.cssSelector("#events li")).size() >= 4,
                "demo fields ready");
        List<String> found = new ArrayList<>(scan("demo page"));
        int frames = driver.findElements(By.tagName("iframe")).size();
        assertTrue(frames >= 4, "the demo mounts its field frames: " + frames);
        found.addAll(scanFrames("demo"));

        // the same frames with an error shown (wrong Luhn digit, field left)
        typeInto("card-number", "4111111111111112");
        typeInto("card-expiry", "13");
        driver.findElement(By.tagName("h1")).click();
        waitFor(
                () ->
                        String.valueOf(
                                        ((JavascriptExecutor) driver)
                                                .executeScript(
                                                        "return document.getElementById('card-number').className;"))
                                .contains("cardvault-invalid"),
                "number shows its error");
        found.addAll(scanFrames("demo, errors shown"));
        assertEquals(List.of(), found, "serious or critical axe violations");
    }

    @Test
    void hostedPaymentPage_andItsFrames_noSeriousOrCriticalViolations() {
        String sk =
                api.createTenant(
                                "Axe Shop " + UUID.randomUUID(), "[\"https://shop.example\"]", "[]")
                        .getString("secretKey");
        Reply created =
                api.postJson(
                        "api/v1/checkout-sessions",
                        "{\"amount\":1999,\"currency\":\"EUR\",\"description\":\"Order 1042\","
                                + "\"successUrl\":\"https://shop.example/thanks\","
                                + "\"cancelUrl\":\"https://shop.example/cart\"}",
                        "x-api-key",
                        sk);
        assertEquals(201, created.status(), created.body());
        driver.get(cardvaultOrigin() + "/pay/" + created.json().getString("id"));
        waitFor(
                () -> driver.findElements(By.cssSelector("#card-cvc iframe")).size() == 1,
                "fields mounted");
        waitFor(() -> fieldReady("card-number") && fieldReady("card-cvc"), "fields ready");
        List<String> found = new ArrayList<>(scan("/pay page"));
        found.addAll(scanFrames("/pay"));
        assertEquals(List.of(), found, "serious or critical axe violations");
    }

    /** The harness itself: a page with known critical violations is reported, so 0 means 0. */
    @Test
    void axeScan_pageWithKnownViolations_reportsThem() {
        driver.get(
                "data:text/html,<!doctype html><html lang=en><title>t</title><body>"
                        + "<img src='data:,'><input id=unlabelled></body></html>");
        List<String> found = scan("known-bad page");
        assertTrue(found.stream().anyMatch(f -> f.contains("image-alt (critical)")), "" + found);
        assertTrue(found.stream().anyMatch(f -> f.contains(" label (critical)")), "" + found);
    }

    /** axe on each iframe's own document. */
    private List<String> scanFrames(String where) {
        List<String> found = new ArrayList<>();
        List<WebElement> frames = driver.findElements(By.tagName("iframe"));
        for (WebElement frame : frames) {
            String src = String.valueOf(frame.getAttribute("src"));
            String field = src.replaceAll(".*[?&]field=([A-Za-z]+).*", "$1");
            driver.switchTo().frame(frame);
            try {
                found.addAll(scan(where + ", " + field + " frame"));
            } finally {
                driver.switchTo().defaultContent();
            }
        }
        return found;
    }

    /** Injects axe-core into the current document and returns its serious and critical findings. */
    private List<String> scan(String where) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(axeSource);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations =
                (List<Map<String, Object>>)
                        js.executeAsyncScript(
                                "var done = arguments[arguments.length - 1];"
                                        + "axe.run(document, {iframes: false, resultTypes: ['violations']})"
                                        + ".then(function (r) { done(r.violations.map(function (v) {"
                                        + "return {id: v.id, impact: v.impact, nodes: v.nodes.map(function (n) {"
                                        + "return n.target.join(' ') + ': ' + n.failureSummary; }).join(' | ')};"
                                        + "})); }, function (e) { done([{id: 'axe-error', impact: 'critical',"
                                        + " nodes: String(e)}]); });");
        List<String> out = new ArrayList<>();
        for (Map<String, Object> v : violations) {
            String impact = String.valueOf(v.get("impact"));
            if (impact.equals("serious") || impact.equals("critical")) {
                out.add(where + ": " + v.get("id") + " (" + impact + ") " + v.get("nodes"));
            }
        }
        return out;
    }

    private boolean fieldReady(String hostId) {
        WebElement frame = driver.findElement(By.cssSelector("#" + hostId + " iframe"));
        driver.switchTo().frame(frame);
        boolean ready = !driver.findElements(By.id("cv-input")).isEmpty();
        driver.switchTo().defaultContent();
        return ready;
    }

    private void typeInto(String hostId, String text) {
        driver.switchTo().frame(driver.findElement(By.cssSelector("#" + hostId + " iframe")));
        WebElement input = driver.findElement(By.id("cv-input"));
        input.click();
        input.sendKeys(text);
        driver.switchTo().defaultContent();
    }

    private void waitFor(java.util.function.BooleanSupplier condition, String what) {
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .withMessage(what)
                .until(d -> condition.getAsBoolean());
    }

    private String cardvaultOrigin() {
        return "http://localhost:" + base.getPort();
    }
}
