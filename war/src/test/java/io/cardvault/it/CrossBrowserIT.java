package io.cardvault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.MutableCapabilities;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.remote.RemoteWebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The core hosted-field flow in the two engines besides Chromium ({@link BrowserIT}): Firefox ESR
 * over WebDriver BiDi (puppeteer-core, {@code client-js/browser-tests/firefox-core.mjs}) and WebKit
 * (WebKitGTK's {@code WebKitWebDriver} under {@code xvfb-run}, Selenium's RemoteWebDriver). The
 * merchant page is on {@code 127.0.0.1:<random>}, cardvault on {@code localhost:<port>}: three
 * cross-origin fields, a label click, a typed card with a 4-digit year, Backspace over the expiry
 * separator, {@code getState()}, tokenization to a UUID token, no merchant message with 5+ digits,
 * and {@code loaderror} for a disallowed origin within 5 s. A test skips only when its browser is
 * not installed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CrossBrowserIT {

    static final Path FIREFOX = Path.of("/usr/bin/firefox-esr");
    static final Path FIREFOX_SCRIPT =
            Path.of("..", "client-js", "browser-tests", "firefox-core.mjs");
    static final Path WEBKIT_DRIVER = Path.of("/usr/bin/WebKitWebDriver");
    static final Path MINIBROWSER = Path.of("/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser");
    static final Path XVFB_RUN = Path.of("/usr/bin/xvfb-run");
    static final Pattern UUID_V4 =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWar();
    }

    @ArquillianResource URL base;

    Api api;
    HttpServer merchant;
    Process webkitDriverProcess;
    WebDriver webkit;

    @BeforeEach
    void setUp() throws IOException {
        api = new Api(base);
        merchant = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        merchant.createContext(
                "/core.html",
                exchange -> {
                    byte[] page = corePage().getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                    exchange.sendResponseHeaders(200, page.length);
                    exchange.getResponseBody().write(page);
                    exchange.close();
                });
        merchant.createContext(
                "/dark.html",
                exchange -> {
                    byte[] page = darkPage().getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                    exchange.sendResponseHeaders(200, page.length);
                    exchange.getResponseBody().write(page);
                    exchange.close();
                });
        merchant.start();
    }

    @AfterEach
    void tearDown() {
        if (webkit != null) {
            try {
                webkit.quit();
            } catch (RuntimeException e) {
                // the driver process is ended below either way
            }
        }
        if (webkitDriverProcess != null) {
            endProcessTree(webkitDriverProcess);
        }
        if (merchant != null) {
            merchant.stop(0);
        }
    }

    // ---------------------------------------------------------------- Firefox ESR (BiDi)

    @Test
    void firefox_typesCardTokenizes_labelFocus_getState_noLongDigitRuns() throws Exception {
        assumeFirefox();
        JsonObject out = runFirefox("core", pageUrl(allowedKey()));
        assertCoreOutcome("firefox " + out.getString("browser", "?"), out);
    }

    @Test
    void firefox_originNotAllowed_loaderrorWithin5s() throws Exception {
        assumeFirefox();
        JsonObject out = runFirefox("loaderror", pageUrl(disallowedKey()));
        assertLoadErrorOutcome("firefox", out);
    }

    @Test
    void firefox_darkPage_frameIsTransparent() throws Exception {
        assumeFirefox();
        JsonObject out = runFirefox("dark", merchantOrigin() + "/dark.html?key=" + allowedKey());
        assertEquals(1, out.getInt("ready"), "firefox: the field is ready");
        JsonObject r = out.getJsonObject("rect");
        assertDarkBehindFrame(
                "firefox",
                java.util.Base64.getDecoder().decode(out.getString("png")),
                r.getJsonNumber("x").doubleValue(),
                r.getJsonNumber("y").doubleValue(),
                r.getJsonNumber("width").doubleValue(),
                r.getJsonNumber("height").doubleValue(),
                out.getJsonNumber("dpr").doubleValue());
    }

    private static void assumeFirefox() {
        Assumptions.assumeTrue(
                Files.isExecutable(FIREFOX),
                "Firefox ESR is not installed (apt package firefox-esr; .ci/run installs it)");
    }

    /** Runs the BiDi script with a bound; its last stdout line is the JSON outcome. */
    private JsonObject runFirefox(String scenario, String url) throws Exception {
        assertTrue(
                Files.isDirectory(Path.of("..", "client-js", "node_modules", "puppeteer-core")),
                "client-js/node_modules/puppeteer-core missing: build client-js first (npm ci)");
        Path log = Files.createTempFile("cardvault-firefox", ".log");
        Process p =
                new ProcessBuilder("node", FIREFOX_SCRIPT.toString(), scenario, url)
                        .redirectErrorStream(false)
                        .redirectError(log.toFile())
                        .start();
        try {
            String stdout;
            try (var in = p.getInputStream()) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
                StringBuilder sb = new StringBuilder();
                byte[] buf = new byte[8192];
                while (System.nanoTime() < deadline) {
                    if (in.available() > 0) {
                        int n = in.read(buf);
                        sb.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    } else if (!p.isAlive()) {
                        sb.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                        break;
                    } else {
                        Thread.sleep(100);
                    }
                }
                stdout = sb.toString();
            }
            assertTrue(p.waitFor(10, TimeUnit.SECONDS), "the Firefox script ended in time");
            String errors = masked(Files.readString(log));
            assertEquals(0, p.exitValue(), "firefox-core.mjs " + scenario + " failed:\n" + errors);
            String[] lines = stdout.strip().split("\n");
            return Json.createReader(new StringReader(lines[lines.length - 1])).readObject();
        } finally {
            endProcessTree(p);
            Files.deleteIfExists(log);
        }
    }

    // ---------------------------------------------------------------- WebKit (WebKitGTK)

    @Test
    void webkit_typesCardTokenizes_labelFocus_getState_noLongDigitRuns() throws Exception {
        startWebKit();
        webkit.get(pageUrl(allowedKey()));
        waitFor(
                () -> ((Number) js().executeScript("return window.__ready;")).intValue() == 3,
                "3 fields ready");
        var out = Json.createObjectBuilder().add("ready", 3);

        webkit.findElement(By.id("label-expiry")).click();
        waitFor(
                () -> containerClass("card-expiry").contains("cardvault-focus"),
                "expiry container focused",
                5);
        out.add("focusClass", containerClass("card-expiry"));
        webkit.switchTo().frame(webkit.findElement(By.cssSelector("#card-expiry iframe")));
        out.add(
                "activeId",
                String.valueOf(
                        js().executeScript(
                                        "return document.activeElement ? document.activeElement.id : '';")));
        webkit.switchTo().defaultContent();

        typeInto("card-number", "4111111111111111");
        webkit.switchTo().frame(webkit.findElement(By.cssSelector("#card-number iframe")));
        out.add(
                "numberFormatted",
                "4111 1111 1111 1111"
                        .equals(webkit.findElement(By.id("cv-input")).getAttribute("value")));
        webkit.switchTo().defaultContent();
        typeInto("card-expiry", "12/2030");
        webkit.switchTo().frame(webkit.findElement(By.cssSelector("#card-expiry iframe")));
        WebElement expiry = webkit.findElement(By.id("cv-input"));
        out.add("expiryValue", expiry.getAttribute("value"));
        expiry.sendKeys(Keys.ARROW_LEFT, Keys.ARROW_LEFT, Keys.BACK_SPACE);
        out.add("expiryAfterBackspace", expiry.getAttribute("value"));
        webkit.switchTo().defaultContent();
        typeInto("card-cvc", "123");
        waitFor(() -> containerClass("card-cvc").contains("cardvault-complete"), "cvc complete", 5);
        out.add(
                "state",
                (String) js().executeScript("return JSON.stringify(window.__fields.getState());"));

        webkit.findElement(By.id("tokenize")).click();
        waitFor(() -> !webkit.findElement(By.id("result")).getText().isEmpty(), "tokenize result");
        out.add("result", webkit.findElement(By.id("result")).getText());
        @SuppressWarnings("unchecked")
        List<Object> messages = (List<Object>) js().executeScript("return window.__messages;");
        var array = Json.createArrayBuilder();
        messages.forEach(m -> array.add(String.valueOf(m)));
        out.add("messages", array);
        assertCoreOutcome("webkit", out.build());
    }

    @Test
    void webkit_originNotAllowed_loaderrorWithin5s() throws Exception {
        startWebKit();
        webkit.get(pageUrl(disallowedKey()));
        waitFor(
                () -> js().executeScript("return window.__loaderror;") != null,
                "a loaderror event",
                15);
        @SuppressWarnings("unchecked")
        Map<String, Object> event =
                (Map<String, Object>) js().executeScript("return window.__loaderror;");
        webkit.findElement(By.id("tokenize")).click();
        waitFor(
                () -> !webkit.findElement(By.id("result")).getText().isEmpty(),
                "tokenize result",
                5);
        JsonObject out =
                Json.createObjectBuilder()
                        .add(
                                "ready",
                                ((Number) js().executeScript("return window.__ready;")).intValue())
                        .add(
                                "loaderror",
                                Json.createObjectBuilder()
                                        .add("code", String.valueOf(event.get("code")))
                                        .add("after", ((Number) event.get("after")).longValue()))
                        .add("result", webkit.findElement(By.id("result")).getText())
                        .build();
        assertLoadErrorOutcome("webkit", out);
    }

    @Test
    void webkit_darkPage_frameIsTransparent() throws Exception {
        startWebKit();
        webkit.get(merchantOrigin() + "/dark.html?key=" + allowedKey());
        waitFor(
                () -> ((Number) js().executeScript("return window.__ready;")).intValue() == 1,
                "the field ready");
        Thread.sleep(500);
        @SuppressWarnings("unchecked")
        Map<String, Object> r =
                (Map<String, Object>)
                        js().executeScript(
                                        "var r=document.querySelector('#card-expiry iframe').getBoundingClientRect();"
                                                + "return {x:r.x,y:r.y,width:r.width,height:r.height,dpr:window.devicePixelRatio};");
        byte[] png = ((TakesScreenshot) webkit).getScreenshotAs(OutputType.BYTES);
        assertDarkBehindFrame(
                "webkit",
                png,
                ((Number) r.get("x")).doubleValue(),
                ((Number) r.get("y")).doubleValue(),
                ((Number) r.get("width")).doubleValue(),
                ((Number) r.get("height")).doubleValue(),
                ((Number) r.get("dpr")).doubleValue());
    }

    private void startWebKit() throws Exception {
        Assumptions.assumeTrue(
                Files.isExecutable(WEBKIT_DRIVER)
                        && Files.isExecutable(MINIBROWSER)
                        && Files.isExecutable(XVFB_RUN),
                "WebKitGTK is not installed (apt packages webkit2gtk-driver xvfb xauth; .ci/run installs"
                        + " them)");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        webkitDriverProcess =
                new ProcessBuilder(
                                XVFB_RUN.toString(),
                                "-a",
                                WEBKIT_DRIVER.toString(),
                                "--host=127.0.0.1",
                                "--port=" + port)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
        URI status = URI.create("http://127.0.0.1:" + port + "/status");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        boolean up = false;
        for (int i = 0; i < 150 && !up && webkitDriverProcess.isAlive(); i++) {
            try {
                up =
                        http.send(
                                                HttpRequest.newBuilder(status)
                                                        .timeout(Duration.ofSeconds(2))
                                                        .build(),
                                                HttpResponse.BodyHandlers.discarding())
                                        .statusCode()
                                == 200;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        assertTrue(up, "WebKitWebDriver answered /status within 30 s");
        MutableCapabilities caps = new MutableCapabilities();
        caps.setCapability(
                "webkitgtk:browserOptions",
                Map.of("binary", MINIBROWSER.toString(), "args", List.of("--automation")));
        webkit = new RemoteWebDriver(URI.create("http://127.0.0.1:" + port).toURL(), caps);
        webkit.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        webkit.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    /** WebKit: inside a cross-origin iframe the input must be clicked before keys are sent. */
    private void typeInto(String hostId, String text) {
        webkit.switchTo().frame(webkit.findElement(By.cssSelector("#" + hostId + " iframe")));
        WebElement input = webkit.findElement(By.id("cv-input"));
        input.click();
        input.sendKeys(text);
        webkit.switchTo().defaultContent();
    }

    private String containerClass(String id) {
        return String.valueOf(
                js().executeScript("return document.getElementById(arguments[0]).className;", id));
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) webkit;
    }

    private void waitFor(java.util.function.BooleanSupplier condition, String what) {
        waitFor(condition, what, 30);
    }

    private void waitFor(java.util.function.BooleanSupplier condition, String what, int seconds) {
        new WebDriverWait(webkit, Duration.ofSeconds(seconds))
                .withMessage(what)
                .until(d -> condition.getAsBoolean());
    }

    // ---------------------------------------------------------------- shared

    /** The same assertions for every engine, on the outcome it reported. */
    static void assertCoreOutcome(String engine, JsonObject out) {
        assertEquals(3, out.getInt("ready"), engine + ": three fields ready");
        assertTrue(
                out.getString("focusClass").contains("cardvault-focus"),
                engine + ": a label click focuses the field (container class)");
        assertEquals(
                "cv-input",
                out.getString("activeId"),
                engine + ": the input inside the frame has focus");
        assertTrue(out.getBoolean("numberFormatted"), engine + ": number formatted 4-4-4-4");
        assertEquals("12 / 30", out.getString("expiryValue"), engine + ": a typed 4-digit year");
        assertEquals(
                "12 / 30",
                out.getString("expiryAfterBackspace"),
                engine + ": Backspace before the year steps over ' / ', digits stay in place");
        String state = out.getString("state");
        JsonObject s = Json.createReader(new StringReader(state)).readObject();
        assertEquals(
                "visa",
                s.getJsonObject("number").getString("brand"),
                engine + ": " + masked(state));
        for (String field : List.of("number", "expiry", "cvc")) {
            assertTrue(
                    s.getJsonObject(field).getBoolean("complete")
                            && s.getJsonObject(field).getBoolean("valid"),
                    engine + ": " + field + " complete and valid in getState(): " + masked(state));
        }
        assertFalse(state.matches("(?s).*\\d.*"), engine + ": getState() carries no digit");
        String token = out.getString("result");
        assertTrue(UUID_V4.matcher(token).matches(), engine + ": a token id, not " + masked(token));
        List<String> messages =
                out.getJsonArray("messages").getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString)
                        .toList();
        assertFalse(
                messages.isEmpty(), engine + ": the merchant page received the fields' messages");
        for (String m : messages) {
            assertFalse(
                    m.contains("4111111111111111"), engine + ": the PAN reached the merchant page");
            String withoutIds =
                    m.replace(token, "").replaceAll("\"(channel|requestId)\":\"[^\"]*\"", "");
            assertFalse(
                    withoutIds.matches("(?s).*\\d{5,}.*"),
                    engine + ": a merchant message carries 5+ digits: " + masked(m));
        }
    }

    /**
     * Issue 15 defect 1 in this engine: near the frame's bottom-right corner (below the input, in
     * the reserved error line) the screenshot shows the dark page, not a white frame. The shot is
     * kept in target/screenshots.
     */
    static void assertDarkBehindFrame(
            String engine, byte[] png, double x, double y, double w, double h, double dpr)
            throws IOException {
        Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(Path.of("target", "screenshots", engine + "-dark-page.png"), png);
        java.awt.image.BufferedImage shot =
                javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        int px = (int) ((x + w - 10) * dpr);
        int py = (int) ((y + h - 8) * dpr);
        int rgb = shot.getRGB(px, py);
        int red = (rgb >> 16) & 0xff, green = (rgb >> 8) & 0xff, blue = rgb & 0xff;
        assertTrue(
                red < 80 && green < 80 && blue < 80,
                engine
                        + ": pixel behind the frame should be the dark page, was "
                        + red
                        + ","
                        + green
                        + ","
                        + blue);
    }

    static void assertLoadErrorOutcome(String engine, JsonObject out) {
        assertEquals(0, out.getInt("ready"), engine + ": no field may start");
        JsonObject event = out.getJsonObject("loaderror");
        assertEquals("origin-not-allowed", event.getString("code"), engine + ": " + event);
        assertTrue(
                event.getJsonNumber("after").longValue() < 5000, engine + ": within 5 s: " + event);
        assertTrue(
                out.getString("result").startsWith("error origin-not-allowed"),
                engine + ": tokenize rejects at once: " + out.getString("result"));
    }

    static String masked(String text) {
        return text.replaceAll("\\d{5,}", "#");
    }

    static void endProcessTree(Process p) {
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String allowedKey() {
        return api.createTenant(
                        "Engines " + UUID.randomUUID(), "[\"" + merchantOrigin() + "\"]", "[]")
                .getString("publishableKey");
    }

    private String disallowedKey() {
        return api.createTenant(
                        "Elsewhere " + UUID.randomUUID(), "[\"https://shop.example\"]", "[]")
                .getString("publishableKey");
    }

    private String pageUrl(String key) {
        return merchantOrigin() + "/core.html?key=" + key;
    }

    private String merchantOrigin() {
        return "http://127.0.0.1:" + merchant.getAddress().getPort();
    }

    private String cardvaultOrigin() {
        return "http://localhost:" + base.getPort();
    }

    /** A dark page ({@code color-scheme: dark}, #1e1e1e) with the expiry field, as BrowserIT's. */
    private String darkPage() {
        return "<!doctype html><html lang=en><head><meta charset=utf-8><meta name=color-scheme content=dark>"
                + "<title>merchant</title><style>body{background:#1e1e1e;color:#eee;font:16px sans-serif}"
                + "div{padding:6px;margin:4px 0 12px;width:320px}</style></head><body>"
                + "<label for=card-expiry>Expiry</label><div id=card-expiry></div>"
                + "<script>window.__ready=0;</script>"
                + "<script src='"
                + cardvaultOrigin()
                + "/js/cardvault.js'></script>"
                + "<script>var key=new URLSearchParams(location.search).get('key');"
                + "var fields=CardVault.fields({key:key,locale:'en'});"
                + "fields.on('ready',function(){window.__ready++;});"
                + "fields.create('expiry').mount('#card-expiry');"
                + "</script></body></html>";
    }

    /**
     * Three fields with the README's labels; records every message, ready and loaderror events, and
     * the tokenize result.
     */
    private String corePage() {
        return "<!doctype html><html lang=en><head><meta charset=utf-8><title>merchant</title>"
                + "<style>body{font:16px sans-serif}div{padding:6px;margin:4px 0 12px;border:1px solid #888}</style>"
                + "</head><body>"
                + "<label id=label-number for=card-number>Card number</label><div id=card-number></div>"
                + "<label id=label-expiry for=card-expiry>Expiry</label><div id=card-expiry></div>"
                + "<label id=label-cvc for=card-cvc>CVC</label><div id=card-cvc></div>"
                + "<button id=tokenize type=button>Pay</button><pre id=result></pre>"
                + "<script>window.__messages=[];window.__ready=0;window.__loaderror=null;window.__t0=Date.now();"
                + "window.addEventListener('message',function(e){window.__messages.push(JSON.stringify(e.data));});</script>"
                + "<script src='"
                + cardvaultOrigin()
                + "/js/cardvault.js'></script>"
                + "<script>var key=new URLSearchParams(location.search).get('key');"
                + "var fields=window.__fields=CardVault.fields({key:key,locale:'en'});"
                + "fields.on('ready',function(){window.__ready++;});"
                + "fields.on('loaderror',function(e){window.__loaderror={code:e.code,after:Date.now()-window.__t0};});"
                + "fields.create('number').mount('#card-number');fields.create('expiry').mount('#card-expiry');"
                + "fields.create('cvc').mount('#card-cvc');"
                + "document.getElementById('tokenize').onclick=function(){fields.tokenize().then(function(t){"
                + "document.getElementById('result').textContent=t.id;},function(e){"
                + "document.getElementById('result').textContent='error '+e.code+' '+e.message;});};"
                + "</script></body></html>";
    }
}
