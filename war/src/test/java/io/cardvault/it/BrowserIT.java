package io.cardvault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.cardvault.it.Api.Reply;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
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
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The full browser flow in headless Chromium, with the merchant page on a different origin ({@code
 * 127.0.0.1:<random>}) than cardvault ({@code localhost:<port>}): cross-origin iframes,
 * postMessage, tokenization, no card data on the merchant page, framing refused for origins the
 * tenant did not allow, and the demo checkout paying through the sandbox PSP.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BrowserIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Pattern UUID_V4 =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWar();
    }

    @ArquillianResource URL base;

    Api api;
    HttpServer merchant;
    WebDriver driver;
    Path profile;

    @BeforeEach
    void setUp() throws IOException {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs apt packages chromium and chromium-driver (.ci/run installs them)");
        api = new Api(base);
        merchant = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        merchant.createContext(
                "/checkout.html",
                exchange -> {
                    byte[] page = merchantPage().getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                    exchange.sendResponseHeaders(200, page.length);
                    exchange.getResponseBody().write(page);
                    exchange.close();
                });
        merchant.createContext(
                "/features.html",
                exchange -> {
                    byte[] page = featuresPage().getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                    exchange.sendResponseHeaders(200, page.length);
                    exchange.getResponseBody().write(page);
                    exchange.close();
                });
        merchant.createContext(
                "/fonts.html",
                exchange -> {
                    byte[] page = fontsPage().getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                    exchange.sendResponseHeaders(200, page.length);
                    exchange.getResponseBody().write(page);
                    exchange.close();
                });
        merchant.createContext(
                "/cvc.html",
                exchange -> {
                    byte[] page = cvcOnlyPage().getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                    exchange.sendResponseHeaders(200, page.length);
                    exchange.getResponseBody().write(page);
                    exchange.close();
                });
        merchant.start();
        profile = Files.createTempDirectory("cardvault-chromium");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
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
                                .usingDriverExecutable(CHROMEDRIVER.toFile())
                                .build(),
                        options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterEach
    void tearDown() {
        if (driver != null) {
            driver.quit();
        }
        if (merchant != null) {
            merchant.stop(0);
        }
    }

    @Test
    void crossOriginMerchant_typesCard_tokenizes_andNeverSeesThePan() {
        JsonObject tenant =
                api.createTenant(
                        "Browser " + UUID.randomUUID(), "[\"" + merchantOrigin() + "\"]", "[]");
        driver.get(merchantOrigin() + "/checkout.html?key=" + tenant.getString("publishableKey"));
        waitFor(() -> readyCount() == 4, "all four fields ready");

        typeInto("card-number", "4111111111111111", "cc-number");
        typeInto("card-expiry", "1230", "cc-exp");
        typeInto("card-cvc", "123", "cc-csc");
        typeInto("card-holder", "Jane Doe", "cc-name");
        driver.findElement(By.id("tokenize")).click();
        waitFor(() -> !driver.findElement(By.id("result")).getText().isEmpty(), "tokenize result");

        String tokenId = driver.findElement(By.id("result")).getText();
        assertTrue(
                UUID_V4.matcher(tokenId).matches(),
                "a token id, not an error: " + tokenId.replaceAll("\\d{5,}", "#"));
        Reply read =
                api.send(
                        "GET",
                        "api/v1/tokens/" + tokenId,
                        null,
                        "x-api-key",
                        tenant.getString("secretKey"));
        assertEquals(200, read.status());
        assertEquals("1111", read.json().getJsonObject("card").getString("last4"));
        assertTrue(read.json().getJsonObject("card").getBoolean("cvcAvailable"));

        @SuppressWarnings("unchecked")
        List<Object> messages = (List<Object>) js().executeScript("return window.__messages;");
        assertFalse(messages.isEmpty(), "the merchant page received the fields' messages");
        for (Object m : messages) {
            String text = String.valueOf(m);
            assertFalse(text.contains("4111111111111111"), "the merchant page received the PAN");
            String withoutIds =
                    text.replace(tokenId, "").replaceAll("\"(channel|requestId)\":\"[^\"]*\"", "");
            assertFalse(
                    withoutIds.matches("(?s).*\\d{5,}.*"),
                    "a merchant message carries a long digit run");
        }
    }

    @Test
    void originNotAllowed_cannotFrameTheFields() {
        JsonObject tenant =
                api.createTenant(
                        "Elsewhere " + UUID.randomUUID(), "[\"https://shop.example\"]", "[]");
        driver.get(merchantOrigin() + "/checkout.html?key=" + tenant.getString("publishableKey"));
        WebElement frame =
                new WebDriverWait(driver, Duration.ofSeconds(15))
                        .until(
                                d ->
                                        d
                                                .findElements(By.cssSelector("#card-number iframe"))
                                                .stream()
                                                .findFirst()
                                                .orElse(null));
        sleep(2000);
        assertEquals(
                0L,
                ((Number) js().executeScript("return window.__ready;")).longValue(),
                "no field may start");
        driver.switchTo().frame(frame);
        assertTrue(
                driver.findElements(By.id("cv-input")).isEmpty(),
                "the browser must refuse to render the field");
        driver.switchTo().defaultContent();
    }

    @Test
    void demoCheckout_paysWithTestCard_andScreenshot() throws IOException {
        driver.get(cardvaultOrigin() + "/demo/");
        waitFor(
                () -> driver.findElements(By.cssSelector("#events li")).size() >= 4,
                "demo fields ready");
        typeInto("card-number", "4111111111111111", "cc-number");
        typeInto("card-expiry", "1230", "cc-exp");
        typeInto("card-cvc", "123", "cc-csc");
        typeInto("card-holder", "Jane Doe", "cc-name");
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        Files.write(
                shots.resolve("demo-checkout.png"),
                ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        waitFor(() -> driver.findElement(By.id("pay")).isEnabled(), "pay button enabled");
        driver.findElement(By.id("pay")).click();
        waitFor(
                () ->
                        "approved"
                                .equals(
                                        driver.findElement(By.id("payment-status"))
                                                .getAttribute("data-outcome")),
                "payment approved");
        assertTrue(
                driver.findElement(By.id("payment-status"))
                        .getText()
                        .startsWith("Payment approved"));
        assertTrue(UUID_V4.matcher(driver.findElement(By.id("token-id")).getText()).matches());
        assertTrue(driver.findElement(By.id("token-card")).getText().contains("1111"));
        Files.write(
                shots.resolve("demo-checkout-paid.png"),
                ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));

        // "Recent orders" stays inside its card at a laptop width: the PSP's long transaction id
        // used to push the status column past the card's edge at 1,100 px
        waitFor(
                () -> !driver.findElements(By.cssSelector("#orders tr")).isEmpty(),
                "the order listed");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1100, 900));
        Object fits =
                js().executeScript(
                                "var t = document.getElementById('orders-table');"
                                        + "var card = t.closest('.card').getBoundingClientRect();"
                                        + "var r = t.getBoundingClientRect();"
                                        + "return [r.right <= card.right + 0.5,"
                                        + " t.parentElement.scrollWidth <= t.parentElement.clientWidth,"
                                        + " document.querySelector('#orders tr').getAttribute("
                                        + "'data-transaction') === document.querySelector("
                                        + "'#orders tr code').textContent];");
        assertEquals(
                List.of(true, true, true),
                fits,
                "the orders table inside its card, without scrolling, the full id kept");
        Files.write(
                shots.resolve("demo-checkout-orders-1100.png"),
                ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    /**
     * The demo page's own text meets WCAG AA (4.5:1, 3:1 for large text) against its effective
     * background (the axe-core color-contrast rule, computed in the browser), and the secure
     * connection notice is displayed next to the Pay button.
     */
    @Test
    void demoCheckout_textContrastMeetsAA_secureNoticeVisible() {
        driver.get(cardvaultOrigin() + "/demo/?locale=en");
        waitFor(
                () -> driver.findElements(By.cssSelector("#events li")).size() >= 4,
                "demo fields ready");
        WebElement notice = driver.findElement(By.id("secure-notice"));
        assertTrue(notice.isDisplayed(), "the secure notice is displayed");
        assertTrue(notice.getText().startsWith("Secure connection"), notice.getText());
        var pay = driver.findElement(By.id("pay")).getRect();
        var n = notice.getRect();
        assertTrue(
                n.getY() >= pay.getY() + pay.getHeight()
                        && n.getY() - (pay.getY() + pay.getHeight()) < 40,
                "the notice sits right below the Pay button");
        Object failures =
                js().executeScript(
                                "function rgb(c){var m=c.match(/[\\d.]+/g)||[0,0,0,0];"
                                        + "return [+m[0],+m[1],+m[2],m.length>3?+m[3]:1];}"
                                        + "function lum(c){return [0,1,2].map(function(i){var v=c[i]/255;"
                                        + "return v<=0.03928?v/12.92:Math.pow((v+0.055)/1.055,2.4);})"
                                        + ".reduce(function(a,v,i){return a+v*[0.2126,0.7152,0.0722][i];},0);}"
                                        + "function bg(el){var layers=[];for(var e=el;e;e=e.parentElement){"
                                        + "var c=rgb(getComputedStyle(e).backgroundColor);if(c[3]>0)layers.push(c);"
                                        + "if(c[3]>=1)break;}var out=[255,255,255];"
                                        + "for(var i=layers.length-1;i>=0;i--){var l=layers[i];"
                                        + "out=[0,1,2].map(function(k){return l[k]*l[3]+out[k]*(1-l[3]);});}return out;}"
                                        + "var bad=[];document.querySelectorAll('body *').forEach(function(el){"
                                        + "if(el.closest('iframe,svg,option')||el.disabled||el.closest('[disabled]'))return;"
                                        + "var own=[].some.call(el.childNodes,function(n){return n.nodeType===3&&n.textContent.trim();});"
                                        + "if(!own||!el.getClientRects().length)return;var s=getComputedStyle(el);"
                                        + "if(s.visibility==='hidden')return;var f=rgb(s.color),b=bg(el);"
                                        + "var fg=[0,1,2].map(function(k){return f[k]*f[3]+b[k]*(1-f[3]);});"
                                        + "var a=lum(fg),c=lum(b),r=(Math.max(a,c)+0.05)/(Math.min(a,c)+0.05);"
                                        + "var size=parseFloat(s.fontSize),large=size>=24||(size>=18.66&&+s.fontWeight>=700);"
                                        + "if(r<(large?3:4.5))bad.push((el.id||el.tagName)+' '+r.toFixed(2));});"
                                        + "return bad.join('; ');");
        assertEquals("", failures, "text below WCAG AA contrast");
    }

    @Test
    void storedCard_cvcOnlyField_recollectsCvc() {
        JsonObject tenant =
                api.createTenant(
                        "Cvc " + UUID.randomUUID(), "[\"" + merchantOrigin() + "\"]", "[]");
        String sk = tenant.getString("secretKey");
        String tokenId =
                api.postJson(
                                "api/v1/tokens",
                                Api.card("378282246310005", 12, 2031, null),
                                "x-api-key",
                                sk)
                        .json()
                        .getString("id");
        driver.get(
                merchantOrigin()
                        + "/cvc.html?key="
                        + tenant.getString("publishableKey")
                        + "&token="
                        + tokenId);
        waitFor(() -> readyCount() == 1, "the CVC field is ready");
        typeInto("card-cvc", "1234", "cc-csc");
        driver.findElement(By.id("recollect")).click();
        waitFor(
                () -> !driver.findElement(By.id("result")).getText().isEmpty(),
                "recollectCvc result");
        assertEquals("ok", driver.findElement(By.id("result")).getText());
        Reply read = api.send("GET", "api/v1/tokens/" + tokenId, null, "x-api-key", sk);
        assertTrue(read.json().getJsonObject("card").getBoolean("cvcAvailable"));
    }

    /**
     * Issue 15 defect 1: on a dark page the frame is transparent (the pixels behind it stay dark).
     */
    @Test
    void darkPage_framesStayTransparent() throws IOException {
        String key = allowedKey();
        driver.get(merchantOrigin() + "/features.html?key=" + key);
        waitFor(() -> readyCount() == 4, "all four fields ready");
        WebElement frame = driver.findElement(By.cssSelector("#card-expiry iframe"));
        java.awt.image.BufferedImage shot =
                javax.imageio.ImageIO.read(
                        new java.io.ByteArrayInputStream(
                                ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES)));
        org.openqa.selenium.Rectangle r = frame.getRect();
        double dpr = ((Number) js().executeScript("return window.devicePixelRatio;")).doubleValue();
        int x = (int) ((r.getX() + r.getWidth() - 10) * dpr);
        int y = (int) ((r.getY() + r.getHeight() - 8) * dpr);
        int rgb = shot.getRGB(x, y);
        int red = (rgb >> 16) & 0xff, green = (rgb >> 8) & 0xff, blue = rgb & 0xff;
        assertTrue(
                red < 80 && green < 80 && blue < 80,
                "pixel behind the frame should be the dark page, was "
                        + red
                        + ","
                        + green
                        + ","
                        + blue);
        Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(
                Path.of("target", "screenshots", "dark-page.png"),
                ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    /** Issue 15 defects 2, 3, 6 and the container classes, brand icon, getState, postal code. */
    @Test
    void typing_pasting_labels_classes_icon_state_postalCode() {
        String key = allowedKey();
        driver.get(merchantOrigin() + "/features.html?key=" + key);
        waitFor(() -> readyCount() == 4, "all four fields ready");

        // defect 6: a click on <label for=card-expiry> focuses the field
        driver.findElement(By.id("label-expiry")).click();
        waitFor(() -> containerClass("card-expiry").contains("cardvault-focus"), "expiry focused");
        driver.switchTo().frame(driver.findElement(By.cssSelector("#card-expiry iframe")));
        assertEquals(
                "cv-input",
                js().executeScript("return document.activeElement && document.activeElement.id;"));
        // defect 2: a typed 4-digit year
        WebElement expiry = driver.findElement(By.id("cv-input"));
        expiry.sendKeys("12/2030");
        assertEquals("12 / 30", expiry.getAttribute("value"));
        driver.switchTo().defaultContent();

        // defect 3: 25 characters with separators are not cut by a maxlength
        typeInto("card-number", "4111 - 1111 - 1111 - 1111", "cc-number");
        driver.switchTo().frame(driver.findElement(By.cssSelector("#card-number iframe")));
        assertEquals(
                "4111 1111 1111 1111", driver.findElement(By.id("cv-input")).getAttribute("value"));
        assertEquals(
                "visa",
                driver.findElement(By.cssSelector(".cv-icon")).getAttribute("data-brand"),
                "brand icon");
        assertFalse(driver.findElements(By.cssSelector(".cv-icon svg")).isEmpty(), "inline SVG");
        driver.switchTo().defaultContent();
        typeInto("card-cvc", "123", "cc-csc");
        typeInto("card-postal", "SW1A 1AA", "postal-code");
        waitFor(
                () -> containerClass("card-number").contains("cardvault-complete"),
                "number container complete");
        assertFalse(containerClass("card-number").contains("cardvault-empty"));

        String state =
                (String) js().executeScript("return JSON.stringify(window.__fields.getState());");
        assertTrue(state.contains("\"brand\":\"visa\""), state.replaceAll("\\d", "#"));
        assertFalse(state.matches("(?s).*\\d.*"), "getState carries no digit");

        driver.findElement(By.id("tokenize")).click();
        waitFor(() -> !driver.findElement(By.id("result")).getText().isEmpty(), "tokenize result");
        String result = driver.findElement(By.id("result")).getText();
        assertTrue(
                UUID_V4.matcher(result).matches(),
                "a token id: " + result.replaceAll("\\d{5,}", "#"));
    }

    /**
     * Issue 15 feature: loaderror within 5 s for an origin the tenant did not allow; tokenize
     * rejects at once.
     */
    @Test
    void originNotAllowed_loaderrorWithin5s_tokenizeRejectsAtOnce() {
        JsonObject tenant =
                api.createTenant(
                        "Elsewhere " + UUID.randomUUID(), "[\"https://shop.example\"]", "[]");
        driver.get(merchantOrigin() + "/features.html?key=" + tenant.getString("publishableKey"));
        waitFor(
                () -> js().executeScript("return window.__loaderror;") != null,
                "a loaderror event");
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> event =
                (java.util.Map<String, Object>) js().executeScript("return window.__loaderror;");
        assertEquals("origin-not-allowed", event.get("code"));
        assertTrue(((Number) event.get("after")).longValue() < 5000, "within 5 s: " + event);
        driver.findElement(By.id("tokenize")).click();
        waitFor(() -> !driver.findElement(By.id("result")).getText().isEmpty(), "tokenize result");
        assertTrue(
                driver.findElement(By.id("result"))
                        .getText()
                        .startsWith("error origin-not-allowed"));
    }

    /**
     * Issue 15 web fonts: the stylesheet the tenant registered loads in the frame and its font is
     * used; a stylesheet it did not register is refused by the frame's CSP.
     */
    @Test
    void webFonts_registeredStylesheetLoads_unregisteredIsBlockedByCsp() throws IOException {
        byte[] font = Files.readAllBytes(DEJAVU);
        List<String> requested = new java.util.concurrent.CopyOnWriteArrayList<>();
        merchant.createContext(
                "/fonts/",
                exchange -> {
                    String path = exchange.getRequestURI().getPath();
                    requested.add(path);
                    byte[] body =
                            path.endsWith(".ttf")
                                    ? font
                                    : ("@font-face{font-family:CvTest"
                                                    + (path.contains("other") ? "Other" : "")
                                                    + ";src:url(/fonts/test.ttf) format('truetype')}")
                                            .getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders()
                            .set("Content-Type", path.endsWith(".ttf") ? "font/ttf" : "text/css");
                    exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
        String registered = merchantOrigin() + "/fonts/test.css";
        Reply created =
                api.postJson(
                        "api/v1/admin/tenants",
                        "{\"name\":\"Fonts "
                                + UUID.randomUUID()
                                + "\",\"allowedOrigins\":[\""
                                + merchantOrigin()
                                + "\"],\"fontStylesheets\":[\""
                                + registered
                                + "\"]}",
                        "x-admin-key",
                        Api.ADMIN_KEY);
        assertEquals(201, created.status(), created.body());
        driver.get(
                merchantOrigin() + "/fonts.html?key=" + created.json().getString("publishableKey"));
        waitFor(() -> readyCount() == 1, "number field ready");
        driver.switchTo().frame(driver.findElement(By.cssSelector("#card-number iframe")));
        waitFor(
                () ->
                        Boolean.TRUE.equals(
                                js().executeScript(
                                                "var l=document.querySelector('link[data-cv-font$=\"/fonts/test.css\"]');"
                                                        + "var f=[];document.fonts.forEach(function(x){f.push(x);});"
                                                        + "return !!(l && l.sheet) && f.some(function(x){"
                                                        + "return x.family.replace(/[\"']/g,'')==='CvTest'&&x.status==='loaded';});")),
                "the registered stylesheet and its font loaded");
        assertTrue(
                String.valueOf(
                                js().executeScript(
                                                "return getComputedStyle(document.getElementById('cv-input')).fontFamily;"))
                        .contains("CvTest"));
        // Chromium gives a refused <link> an empty sheet: the proof is that it was never fetched
        assertEquals(
                Boolean.TRUE,
                js().executeScript(
                                "var l=document.querySelector('link[data-cv-font$=\"/fonts/other.css\"]');"
                                        + "return !!l;"),
                "the frame links the unregistered stylesheet too (it cannot know the list)");
        assertTrue(
                requested.contains("/fonts/test.css"),
                "registered stylesheet fetched: " + requested);
        assertFalse(
                requested.contains("/fonts/other.css"),
                "the CSP refused the unregistered stylesheet before any request: " + requested);
        driver.switchTo().defaultContent();
    }

    static final Path DEJAVU = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

    private String fontsPage() {
        return "<!doctype html><html><head><meta charset=utf-8><title>merchant</title></head><body>"
                + "<div id=card-number></div>"
                + "<script>window.__ready=0;</script>"
                + "<script src='"
                + cardvaultOrigin()
                + "/js/cardvault.js'></script>"
                + "<script>var key=new URLSearchParams(location.search).get('key');"
                + "var fields=CardVault.fields({key:key,locale:'en',"
                + "fonts:[{cssSrc:location.origin+'/fonts/test.css'},{cssSrc:location.origin+'/fonts/other.css'}],"
                + "styles:{base:{fontFamily:'CvTest, monospace'}}});"
                + "fields.on('ready',function(){window.__ready++;});"
                + "fields.create('number').mount('#card-number');"
                + "</script></body></html>";
    }

    private String allowedKey() {
        return api.createTenant(
                        "Features " + UUID.randomUUID(), "[\"" + merchantOrigin() + "\"]", "[]")
                .getString("publishableKey");
    }

    private String containerClass(String id) {
        return String.valueOf(
                js().executeScript("return document.getElementById(arguments[0]).className;", id));
    }

    /** A dark merchant page with labels pointing at the containers, as the README shows. */
    private String featuresPage() {
        return "<!doctype html><html><head><meta charset=utf-8><meta name=color-scheme content=dark>"
                + "<title>merchant</title><style>body{background:#1e1e1e;color:#eee;font:16px sans-serif}"
                + "div{padding:6px;margin:4px 0 12px}</style></head><body>"
                + "<label id=label-number for=card-number>Card number</label><div id=card-number></div>"
                + "<label id=label-expiry for=card-expiry>Expiry</label><div id=card-expiry></div>"
                + "<label for=card-cvc>CVC</label><div id=card-cvc></div>"
                + "<label for=card-postal>Postal code</label><div id=card-postal></div>"
                + "<button id=tokenize>Pay</button><pre id=result></pre>"
                + "<script>window.__ready=0;window.__loaderror=null;window.__t0=Date.now();</script>"
                + "<script src='"
                + cardvaultOrigin()
                + "/js/cardvault.js'></script>"
                + "<script>var key=new URLSearchParams(location.search).get('key');"
                + "var fields=window.__fields=CardVault.fields({key:key,locale:'en'});"
                + "fields.on('ready',function(){window.__ready++;});"
                + "fields.on('loaderror',function(e){window.__loaderror={code:e.code,after:Date.now()-window.__t0};});"
                + "fields.create('number').mount('#card-number');fields.create('expiry').mount('#card-expiry');"
                + "fields.create('cvc').mount('#card-cvc');fields.create('postalCode').mount('#card-postal');"
                + "document.getElementById('tokenize').onclick=function(){fields.tokenize().then(function(t){"
                + "document.getElementById('result').textContent=t.id;},function(e){"
                + "document.getElementById('result').textContent='error '+e.code+' '+e.message;});};"
                + "</script></body></html>";
    }

    @Test
    void hostedPage_paysEndToEnd_redirectsSignsCallbackAndCompletesTheSession() throws Exception {
        java.util.List<String[]> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        merchant.createContext(
                "/hooks",
                exchange -> {
                    byte[] body = exchange.getRequestBody().readAllBytes();
                    received.add(
                            new String[] {
                                exchange.getRequestHeaders().getFirst("cardvault-signature"),
                                new String(body, StandardCharsets.UTF_8)
                            });
                    exchange.sendResponseHeaders(204, -1);
                    exchange.close();
                });
        merchant.createContext(
                "/thanks",
                exchange -> {
                    byte[] page =
                            "<!doctype html><title>thanks</title><p id=\"thanks\">Thank you</p>"
                                    .getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                    exchange.sendResponseHeaders(200, page.length);
                    exchange.getResponseBody().write(page);
                    exchange.close();
                });
        JsonObject tenant =
                api.createTenant(
                        "Hosted Shop " + UUID.randomUUID(), "[\"" + merchantOrigin() + "\"]", "[]");
        String sk = tenant.getString("secretKey");
        Reply created =
                api.postJson(
                        "api/v1/checkout-sessions",
                        "{\"amount\":1999,\"currency\":\"EUR\",\"description\":\"Order 1042\","
                                + "\"successUrl\":\""
                                + merchantOrigin()
                                + "/thanks\",\"cancelUrl\":\""
                                + merchantOrigin()
                                + "/cart\",\"callbackUrl\":\""
                                + merchantOrigin()
                                + "/hooks\"}",
                        "x-api-key",
                        sk);
        assertEquals(201, created.status(), created.body());
        String id = created.json().getString("id");

        driver.manage().window().setSize(new org.openqa.selenium.Dimension(360, 800));
        driver.get(cardvaultOrigin() + "/pay/" + id);
        assertTrue(driver.findElement(By.id("merchant-name")).getText().startsWith("Hosted Shop"));
        assertTrue(driver.findElement(By.id("secure-notice")).isDisplayed());
        assertTrue(driver.findElement(By.id("amount")).getText().contains("19"));
        assertEquals("Order 1042", driver.findElement(By.id("description")).getText());
        Object overflow =
                js().executeScript(
                                "return document.documentElement.scrollWidth > window.innerWidth;");
        assertEquals(Boolean.FALSE, overflow, "no horizontal scrolling at 360 px");
        waitFor(
                () -> driver.findElements(By.cssSelector("#card-cvc iframe")).size() == 1,
                "fields mounted");
        waitFor(() -> fieldReady("card-number"), "number field ready");
        typeInto("card-number", "4111111111111111", "cc-number");
        typeInto("card-expiry", "1230", "cc-exp");
        typeInto("card-cvc", "123", "cc-csc");
        waitFor(() -> driver.findElement(By.id("pay-button")).isEnabled(), "Pay enabled");
        driver.findElement(By.id("pay-button")).click();
        waitFor(
                () -> driver.getCurrentUrl().startsWith(merchantOrigin() + "/thanks"),
                "redirect to successUrl");
        assertEquals(merchantOrigin() + "/thanks?session=" + id, driver.getCurrentUrl());

        JsonObject session =
                api.send("GET", "api/v1/checkout-sessions/" + id, null, "x-api-key", sk).json();
        assertEquals("complete", session.getString("status"));
        assertTrue(UUID_V4.matcher(session.getString("tokenId")).matches());
        assertEquals("1111", session.getJsonObject("card").getString("last4"));

        for (int i = 0; i < 120 && received.isEmpty(); i++) {
            sleep(500);
        }
        assertEquals(1, received.size(), "one signed callback");
        String[] callback = received.get(0);
        assertTrue(
                CheckoutIT.verify(tenant.getString("callbackSecret"), callback[0], callback[1]),
                "the callback signature verifies");
        assertFalse(callback[1].contains("4111111111111111"));
        assertTrue(callback[1].contains(session.getString("tokenId")));

        driver.get(cardvaultOrigin() + "/pay/" + id);
        assertEquals(
                "complete",
                driver.findElement(By.id("pay-page")).getAttribute("data-state"),
                "a completed session collects nothing");
        assertTrue(driver.findElements(By.tagName("iframe")).isEmpty());
    }

    private boolean fieldReady(String hostId) {
        WebElement frame = driver.findElement(By.cssSelector("#" + hostId + " iframe"));
        driver.switchTo().frame(frame);
        boolean ready = !driver.findElements(By.id("cv-input")).isEmpty();
        driver.switchTo().defaultContent();
        return ready;
    }

    private void typeInto(String hostId, String text, String expectedAutocomplete) {
        WebElement frame = driver.findElement(By.cssSelector("#" + hostId + " iframe"));
        driver.switchTo().frame(frame);
        WebElement input = driver.findElement(By.id("cv-input"));
        assertEquals(expectedAutocomplete, input.getAttribute("autocomplete"));
        input.click();
        input.sendKeys(text);
        driver.switchTo().defaultContent();
    }

    private long readyCount() {
        Object n = js().executeScript("return window.__ready || 0;");
        return ((Number) n).longValue();
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) driver;
    }

    private void waitFor(java.util.function.BooleanSupplier condition, String what) {
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .withMessage(what)
                .until(d -> condition.getAsBoolean());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String merchantOrigin() {
        return "http://127.0.0.1:" + merchant.getAddress().getPort();
    }

    private String cardvaultOrigin() {
        return "http://localhost:" + base.getPort();
    }

    /** A minimal merchant checkout on its own origin that records every message it receives. */
    /** CVC-only mode for a stored card, as a merchant re-collecting the CVC for a saved amex. */
    private String cvcOnlyPage() {
        return "<!doctype html><html><head><meta charset=utf-8><title>merchant</title></head><body>"
                + "<div id=card-cvc></div><button id=recollect>Confirm</button><pre id=result></pre>"
                + "<script>window.__ready=0;</script>"
                + "<script src='"
                + cardvaultOrigin()
                + "/js/cardvault.js'></script>"
                + "<script>var q=new URLSearchParams(location.search);"
                + "var fields=CardVault.fields({key:q.get('key'),locale:'en'});"
                + "fields.on('ready',function(){window.__ready++;});"
                + "fields.create('cvc',{token:q.get('token'),brand:'amex'}).mount('#card-cvc');"
                + "document.getElementById('recollect').onclick=function(){fields.recollectCvc().then(function(){"
                + "document.getElementById('result').textContent='ok';},function(e){"
                + "document.getElementById('result').textContent='error '+e.code+' '+e.message;});};"
                + "</script></body></html>";
    }

    private String merchantPage() {
        return "<!doctype html><html><head><meta charset=utf-8><title>merchant</title></head><body>"
                + "<div id=card-number></div><div id=card-expiry></div><div id=card-cvc></div><div id=card-holder></div>"
                + "<button id=tokenize>Pay</button><pre id=result></pre>"
                + "<script>window.__messages=[];window.__ready=0;"
                + "window.addEventListener('message',function(e){window.__messages.push(JSON.stringify(e.data));});</script>"
                + "<script src='"
                + cardvaultOrigin()
                + "/js/cardvault.js'></script>"
                + "<script>var key=new URLSearchParams(location.search).get('key');"
                + "var fields=CardVault.fields({key:key,locale:'en'});"
                + "fields.on('ready',function(){window.__ready++;});"
                + "fields.create('number').mount('#card-number');fields.create('expiry').mount('#card-expiry');"
                + "fields.create('cvc').mount('#card-cvc');fields.create('holderName').mount('#card-holder');"
                + "document.getElementById('tokenize').onclick=function(){fields.tokenize().then(function(t){"
                + "document.getElementById('result').textContent=t.id;},function(e){"
                + "document.getElementById('result').textContent='error '+e.code+' '+e.message;});};"
                + "</script></body></html>";
    }
}
