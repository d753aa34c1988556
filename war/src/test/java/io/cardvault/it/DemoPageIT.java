package io.cardvault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.cardvault.it.Api.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.htmlunit.BrowserVersion;
import org.htmlunit.Page;
import org.htmlunit.ScriptException;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.FrameWindow;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.javascript.JavaScriptErrorListener;
import org.htmlunit.util.FalsifyingWebConnection;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The demo checkout page and the hosted-field iframes in a headless browser (HtmlUnit, Chrome
 * profile) against the real WAR: the fields render with the right input attributes, the test card
 * tokenizes and pays, errors are localized, an unknown key gets no field, and the merchant page
 * never receives the card number. Card numbers are test PANs and never appear in a message.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DemoPageIT {

    private static final Pattern UUID_V4 =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    private static final String TEST_PAN = "4111111111111111";
    private static final long WAIT_MS = 10_000;
    private static final List<String> FIELDS = List.of("number", "expiry", "cvc", "holderName");

    /**
     * Records every message event the merchant page's window receives, before any page script runs.
     */
    private static final String MESSAGE_RECORDER =
            "<script>window.__cvMessages = [];"
                    + "window.addEventListener('message', function (e) {"
                    + " var s; try { s = JSON.stringify(e.data); } catch (x) { s = String(e.data); }"
                    + " window.__cvMessages.push(String(s)); }, false);</script>";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWar();
    }

    @ArquillianResource URL base;

    WebClient browser;

    /** Script errors from pages of this server (the demo page, cardvault.js, the field pages). */
    final List<String> scriptErrors = Collections.synchronizedList(new ArrayList<>());

    boolean recordMessages;

    /**
     * The demo page as a shop would serve it: on http://localhost:<port>, one of the demo tenant's
     * origins.
     */
    URI site() {
        return URI.create("http://localhost:" + base.getPort() + "/");
    }

    @BeforeEach
    void browser() {
        browser = new WebClient(BrowserVersion.CHROME);
        browser.getOptions().setJavaScriptEnabled(true);
        browser.getOptions().setCssEnabled(false);
        browser.getOptions().setThrowExceptionOnScriptError(false);
        browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
        // Every browser the bundle targets has fetch; HtmlUnit ships it as an opt-in polyfill.
        browser.getOptions().setFetchPolyfillEnabled(true);
        browser.getOptions().setTimeout(10_000);
        browser.setJavaScriptErrorListener(new CollectingErrorListener());
        new FalsifyingWebConnection(browser) {
            @Override
            public WebResponse getResponse(WebRequest request) throws IOException {
                WebResponse response = super.getResponse(request);
                String path = request.getUrl().getPath();
                if (recordMessages && (path.equals("/demo/") || path.equals("/demo/index.html"))) {
                    String html = response.getContentAsString(StandardCharsets.UTF_8);
                    return replaceContent(
                            response, html.replace("<head>", "<head>" + MESSAGE_RECORDER));
                }
                return response;
            }
        };
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void demoPage_loads_fieldsRender() throws Exception {
        HtmlPage page = openDemo("");
        Map<String, HtmlPage> frames = fieldPages(page);
        assertEquals(FIELDS, List.copyOf(frames.keySet()));

        Map<String, String> autocomplete =
                Map.of(
                        "number",
                        "cc-number",
                        "expiry",
                        "cc-exp",
                        "cvc",
                        "cc-csc",
                        "holderName",
                        "cc-name");
        for (String field : FIELDS) {
            HtmlPage fieldPage = frames.get(field);
            HtmlInput input = input(fieldPage);
            assertEquals(
                    autocomplete.get(field),
                    input.getAttribute("autocomplete"),
                    field + " autocomplete");
            if (!field.equals("holderName")) {
                assertEquals("numeric", input.getAttribute("inputmode"), field + " inputmode");
            }
            DomElement label = fieldPage.querySelector("label[for='cv-input']");
            assertNotNull(label, field + ": a <label for=cv-input>");
            assertFalse(label.getTextContent().isBlank(), field + ": the label has text");
            String describedBy = input.getAttribute("aria-describedby");
            assertFalse(describedBy.isBlank(), field + ": aria-describedby");
            DomElement error = fieldPage.getElementById(describedBy);
            assertNotNull(error, field + ": aria-describedby points at an element");
            assertEquals("cv-error", error.getId());
            assertEquals(
                    "false",
                    input.getAttribute("aria-invalid"),
                    field + ": not invalid before any input");
        }
        assertTrue(
                page.getHtmlElementById("pay").hasAttribute("disabled"),
                "pay is disabled while the fields are empty");
        assertNoCardvaultScriptErrors();
    }

    @Test
    void typeTestCard_submit_showsTokenIdAndApprovedPayment() throws Exception {
        HtmlPage page = openDemo("");
        String tokenId = payWithTestCard(page);

        String card = page.getHtmlElementById("token-card").getTextContent();
        assertTrue(card.contains("1111"), "the masked card shows the last4");
        assertFalse(
                card.replaceAll("\\s", "").contains("41111111"),
                "the masked card shows no more than the last4");

        Reply r =
                new Api(site())
                        .send(
                                "GET",
                                "api/v1/tokens/" + tokenId,
                                null,
                                "x-api-key",
                                demoSecretKey());
        assertEquals(200, r.status(), "the token exists for the demo tenant");
        JsonObject stored = r.json();
        assertEquals(tokenId, stored.getString("id"));
        assertEquals("1111", stored.getJsonObject("card").getString("last4"));
        assertEquals("visa", stored.getJsonObject("card").getString("brand"));
        assertNoCardvaultScriptErrors();
    }

    @Test
    void invalidInput_showsLocalizedError() throws Exception {
        HtmlPage page = openDemo("?locale=de");
        Map<String, HtmlPage> frames = fieldPages(page);
        HtmlInput number = input(frames.get("number"));
        HtmlInput expiry = input(frames.get("expiry"));

        number.type("4111111111111112"); // bad Luhn
        // Leave the number field for the expiry field. HtmlUnit keeps the focused element per page
        // and
        // does not blur an input in one iframe when an input in another iframe gets the focus, as a
        // browser does; so blur it explicitly, then focus the next field.
        number.blur();
        expiry.focus();
        waitFor(
                () -> eventLog(page).contains("blur {\"field\":\"number\"}"),
                () -> "a blur event of the number field, got: " + eventTypes(page));
        HtmlElement error = frames.get("number").getHtmlElementById("cv-error");
        // ERROR_MESSAGES['invalid-luhn'].de in client-js/src/shared/error-catalogue.js
        String expected = "Die Kartennummer ist ungültig.";
        waitFor(
                () -> expected.equals(error.getTextContent()),
                "the German Luhn error in the number field");
        assertEquals(expected, error.getTextContent());
        assertEquals("true", number.getAttribute("aria-invalid"));
        assertEquals("de", frames.get("number").getDocumentElement().getAttribute("lang"));
        assertTrue(
                page.getHtmlElementById("pay").hasAttribute("disabled"),
                "pay stays disabled with an invalid number");
        assertNoCardvaultScriptErrors();
    }

    @Test
    void unknownKey_fieldPageRefused() throws Exception {
        Page refused =
                browser.getPage(
                        site().resolve(
                                        "fields/field.html?key=pk_unknownunknownunknownunknownunkn&field=number&locale=en")
                                .toURL());
        WebResponse response = refused.getWebResponse();
        assertEquals(403, response.getStatusCode());
        String csp = response.getResponseHeaderValue("Content-Security-Policy");
        assertNotNull(csp, "a CSP header");
        assertTrue(
                csp.contains("frame-ancestors *"),
                "any page may frame the error page, so the shopper sees it: " + csp);
        assertEquals(
                "invalid-key",
                ((HtmlPage) refused).getDocumentElement().getAttribute("data-cardvault-error"),
                "field.js reads this and reports loaderror invalid-key");
        assertTrue(refused.isHtmlPage(), "an HTML error page");
        String text = ((HtmlPage) refused).getBody().asNormalizedText();
        assertTrue(text.contains("cannot be shown"), "a visible error text: " + text);
        assertNull(((HtmlPage) refused).getElementById("cv-input"), "no input on the refused page");
    }

    @Test
    void merchantPage_neverReceivesPan() throws Exception {
        recordMessages = true;
        HtmlPage page = openDemo("");
        String tokenId = payWithTestCard(page);

        List<String> messages = recordedMessages(page);
        assertFalse(messages.isEmpty(), "the recorder saw the fields' messages");
        boolean sawToken = false;
        boolean sawLast4 = false;
        for (int i = 0; i < messages.size(); i++) {
            String raw = messages.get(i);
            String type = typeOf(raw);
            String compact = raw.replaceAll("[\\s-]", "");
            assertFalse(
                    compact.contains(TEST_PAN),
                    "message #" + i + " (" + type + ") carries the full card number");
            assertFalse(
                    compact.contains("411111111111"),
                    "message #" + i + " (" + type + ") carries a card number prefix");
            assertFalse(
                    raw.contains("1111 1111"),
                    "message #" + i + " (" + type + ") carries formatted card digits");
            String withoutIds = withoutIds(raw);
            Matcher run = Pattern.compile("\\d{5,}").matcher(withoutIds);
            assertFalse(
                    run.find(),
                    "message #" + i + " (" + type + ") has a run of 5+ digits outside the ids");
            if (raw.contains(tokenId)) {
                sawToken = true;
                JsonObject card =
                        Json.createReader(new StringReader(raw))
                                .readObject()
                                .getJsonObject("payload")
                                .getJsonObject("token")
                                .getJsonObject("card");
                assertEquals(
                        List.of("brand", "expiryMonth", "expiryYear", "last4"),
                        card.keySet().stream().sorted().toList(),
                        "the token summary has only these card properties");
                sawLast4 = "1111".equals(card.getString("last4"));
            }
        }
        assertTrue(sawToken, "the merchant page received the token result");
        assertTrue(sawLast4, "the token result carries the last4");
        assertNoCardvaultScriptErrors();
    }

    @Test
    void declinedCard_showsLocalizedMessage_notTheCode_andIsARecentOrder() throws Exception {
        HtmlPage page = openDemo("?locale=de");
        // the sandbox's documented insufficient-funds test card (docs/sandbox-psp.md)
        submitCard(page, "4000000000009995", "Erika Mustermann");
        HtmlElement status = page.getHtmlElementById("payment-status");
        HtmlElement alert = page.getHtmlElementById("form-error");
        // HtmlUnit runs the page's script on its own thread: the status, the alert's text and the
        // alert's class are set one after another, so wait until the last of them has happened.
        waitFor(
                () ->
                        "declined".equals(status.getAttribute("data-outcome"))
                                && !alert.getAttribute("class").contains("d-none"),
                () ->
                        "a declined payment with the alert shown, is: "
                                + status.getTextContent()
                                + " / alert class: "
                                + alert.getAttribute("class"));
        // 'decline.insufficient_funds'.de in war/src/main/webapp/demo/i18n.js
        String expected =
                "Abgelehnt: Deckung nicht ausreichend. Bitte verwenden Sie eine andere Karte.";
        assertEquals(expected, status.getTextContent());
        assertEquals(expected, alert.getTextContent());
        assertEquals("alert", alert.getAttribute("role"));
        assertFalse(alert.getAttribute("class").contains("d-none"), "the alert is shown");
        assertFalse(page.getBody().asNormalizedText().contains("insufficient_funds"));

        waitFor(
                () -> orderRows(page).stream().anyMatch(r -> r.get(1).equals("Erika Mustermann")),
                () -> "the declined order in Recent orders, rows: " + orderRows(page));
        List<String> row =
                orderRows(page).stream()
                        .filter(r -> r.size() == 5 && r.get(1).equals("Erika Mustermann"))
                        .findFirst()
                        .orElseThrow();
        assertTrue(row.get(0).startsWith("pay_"), "the PSP's transaction id: " + row);
        assertTrue(row.get(2).contains("19"), "the amount: " + row);
        assertFalse(row.get(3).isBlank(), "the date: " + row);
        assertEquals("abgelehnt", row.get(4));
        assertNoCardvaultScriptErrors();
    }

    @Test
    void approvedPayment_isTheNewestRecentOrder_withoutCardData() throws Exception {
        HtmlPage page = openDemo("");
        payWithTestCard(page);
        String status = page.getHtmlElementById("payment-status").getTextContent();
        String payId = status.substring(status.indexOf('(') + 1, status.indexOf(')'));
        waitFor(
                () -> {
                    List<List<String>> rows = orderRows(page); // one snapshot: JS may re-render
                    return !rows.isEmpty()
                            && rows.get(0).size() == 5
                            && rows.get(0).get(0).equals(payId);
                },
                () -> "the new order first in Recent orders, rows: " + orderRows(page));
        List<String> row = orderRows(page).get(0);
        assertEquals(5, row.size(), "cells: " + row);
        assertEquals("Jane Doe", row.get(1));
        assertEquals("approved", row.get(4));

        Page json = browser.getPage(site().resolve("demo/orders.json").toURL());
        assertEquals(200, json.getWebResponse().getStatusCode());
        String body = json.getWebResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonObject first =
                Json.createReader(new StringReader(body))
                        .readObject()
                        .getJsonArray("orders")
                        .getJsonObject(0);
        assertEquals(payId, first.getString("transactionId"));
        assertEquals(1999, first.getInt("amount"));
        assertEquals(
                List.of(
                        "amount",
                        "createdAt",
                        "currency",
                        "customerName",
                        "id",
                        "reason",
                        "status",
                        "transactionId"),
                first.keySet().stream().sorted().toList(),
                "an order has only these properties");
        assertFalse(body.contains("4111111111111111"), "no card number in the orders");
        assertFalse(Pattern.compile("\\d{12,}").matcher(body).find(), "no long digit run");
        assertNoCardvaultScriptErrors();
    }

    @Test
    void languageSelector_switchesThePageText_andTheFields() throws Exception {
        HtmlPage page = openDemo("?locale=en");
        assertEquals("en", page.getDocumentElement().getAttribute("lang"));
        assertEquals("Demo Shop checkout", page.querySelector("h1").getTextContent());
        assertEquals("Card number", page.querySelector("[data-i18n=cardNumber]").getTextContent());
        assertEquals(
                List.of("en", "de", "fr", "es", "it", "nl", "pt", "pl", "sv", "da", "fi", "ja"),
                page.querySelectorAll("#locale option").stream()
                        .map(o -> ((DomElement) o).getAttribute("value"))
                        .toList(),
                "the selector offers the fields' 12 locales");
        // one catalogue: every locale has exactly the English keys, none empty
        Object mismatched =
                page.executeJavaScript(
                                "(function(m){var en=Object.keys(m.en).sort().join();"
                                        + "return Object.keys(m).filter(function(l){"
                                        + "return Object.keys(m[l]).sort().join()!==en"
                                        + "||Object.keys(m[l]).some(function(k){return !m[l][k];});"
                                        + "}).join();})(DemoI18n.messages)")
                        .getJavaScriptResult();
        assertEquals("", String.valueOf(mismatched), "locales with missing or empty keys");

        org.htmlunit.html.HtmlSelect select = page.getHtmlElementById("locale");
        select.setSelectedAttribute("fr", true);
        waitFor(
                () ->
                        browser.getCurrentWindow().getEnclosedPage() instanceof HtmlPage p
                                && p != page
                                && p.getUrl().getQuery() != null
                                && p.getUrl().getQuery().contains("locale=fr"),
                "the page reloaded with ?locale=fr");
        HtmlPage fr = (HtmlPage) browser.getCurrentWindow().getEnclosedPage();
        waitFor(
                () -> fieldPagesOrEmpty(fr).size() == FIELDS.size(),
                "4 field iframes after the switch");
        waitFor(() -> "fr".equals(fr.getDocumentElement().getAttribute("lang")), "<html lang=fr>");
        assertEquals(
                "Paiement de la boutique de démonstration",
                fr.querySelector("h1").getTextContent());
        assertEquals(
                "Numéro de carte", fr.querySelector("[data-i18n=cardNumber]").getTextContent());
        assertEquals(
                "Connexion sécurisée", fr.querySelector("#secure-notice strong").getTextContent());
        assertEquals(
                "Commandes récentes",
                fr.querySelector("[data-i18n=recentOrders]").getTextContent());
        assertTrue(
                fr.getHtmlElementById("pay").getTextContent().startsWith("Payer "),
                "the pay button: " + fr.getHtmlElementById("pay").getTextContent());
        assertEquals(
                "fr",
                ((org.htmlunit.html.HtmlSelect) fr.getHtmlElementById("locale"))
                        .getSelectedOptions()
                        .get(0)
                        .getValueAttribute());
        for (DomElement el :
                fr.querySelectorAll("[data-i18n]").stream().map(n -> (DomElement) n).toList()) {
            assertFalse(el.getTextContent().isBlank(), "text for " + el.getAttribute("data-i18n"));
        }
        waitFor(
                () ->
                        fieldPagesOrEmpty(fr).values().stream()
                                .allMatch(
                                        f ->
                                                "fr"
                                                        .equals(
                                                                f.getDocumentElement()
                                                                        .getAttribute("lang"))),
                "the field frames in French");
        assertNoCardvaultScriptErrors();
    }

    @Test
    void secureConnectionNotice_sitsRightAfterThePayButton() throws Exception {
        HtmlPage page = openDemo("");
        DomElement notice = page.getElementById("secure-notice");
        assertNotNull(notice, "#secure-notice");
        assertEquals(
                notice,
                page.getHtmlElementById("pay").getNextElementSibling(),
                "the notice follows the Pay button");
        assertFalse(notice.hasAttribute("hidden"));
        assertFalse(notice.getAttribute("class").contains("d-none"));
        String text = notice.getTextContent().replaceAll("\\s+", " ").trim();
        assertTrue(text.startsWith("Secure connection"), "notice: " + text);
        assertTrue(text.contains("encrypted"), "notice: " + text);
        assertNoCardvaultScriptErrors();
    }

    @Test
    void demoPage_hasNoInlineScriptOrStyle() throws Exception {
        HtmlPage page = openDemo("");
        String html =
                browser.getPage(site().resolve("demo/index.html").toURL())
                        .getWebResponse()
                        .getContentAsString(StandardCharsets.UTF_8);
        assertFalse(
                Pattern.compile("<script(?![^>]*\\bsrc=)").matcher(html).find(), "inline script");
        assertFalse(html.contains("<style"), "inline <style>");
        assertFalse(Pattern.compile("\\sstyle=").matcher(html).find(), "style attribute");
        assertFalse(
                Pattern.compile("\\son[a-z]+=").matcher(html).find(), "event handler attribute");
        assertNotNull(page);
    }

    // --- the flow -------------------------------------------------------------------------------

    /**
     * Types the test card, submits, waits for the token id and the approved payment; returns the
     * token id.
     */
    private String payWithTestCard(HtmlPage page) throws IOException {
        submitCard(page, TEST_PAN, "Jane Doe");
        HtmlElement token = page.getHtmlElementById("token-id");
        HtmlElement status = page.getHtmlElementById("payment-status");
        waitFor(
                () -> UUID_V4.matcher(token.getTextContent().trim()).matches(),
                "a token id (UUID v4) in #token-id");
        waitFor(
                () -> "approved".equals(status.getAttribute("data-outcome")),
                () ->
                        "an approved payment in #payment-status, is: "
                                + status.getTextContent()
                                + " / form error: "
                                + page.getElementById("form-error").getTextContent());
        assertTrue(
                status.getTextContent().matches("Payment approved \\(pay_[^)]+\\)"),
                "payment status: " + status.getTextContent());
        return token.getTextContent().trim();
    }

    /** Types a card and the customer name, and clicks Pay once it is enabled. */
    private void submitCard(HtmlPage page, String pan, String customerName) throws IOException {
        Map<String, HtmlPage> frames = fieldPages(page);
        ((HtmlInput) page.getHtmlElementById("customer-name")).type(customerName);
        input(frames.get("number")).type(pan);
        input(frames.get("expiry")).type("1230");
        input(frames.get("cvc")).type("123");
        input(frames.get("holderName")).type("Jane Doe");
        HtmlButton pay = page.getHtmlElementById("pay");
        waitFor(
                () -> !pay.hasAttribute("disabled"),
                "the pay button enabled by complete number/expiry/cvc");
        pay.click();
    }

    /** The rows of "Recent orders" as {transaction, customer, amount, date, status} texts. */
    private static List<List<String>> orderRows(HtmlPage page) {
        List<List<String>> rows = new ArrayList<>();
        DomElement body = page.getElementById("orders");
        if (body != null) {
            for (DomElement tr : body.getChildElements()) {
                List<String> cells = new ArrayList<>();
                for (DomElement td : tr.getChildElements()) {
                    cells.add(td.getTextContent().trim());
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    private HtmlPage openDemo(String query) throws IOException {
        HtmlPage page = browser.getPage(site().resolve("demo/" + query).toURL());
        assertEquals(200, page.getWebResponse().getStatusCode());
        waitFor(
                () -> fieldPagesOrEmpty(page).size() == FIELDS.size(),
                "4 field iframes with #cv-input");
        // ready = configured by the merchant page: the fields send nothing before that
        waitFor(
                () ->
                        eventLog(page).stream().filter(e -> e.startsWith("ready ")).count()
                                == FIELDS.size(),
                () -> "4 ready events, got: " + eventLog(page) + " errors: " + scriptErrors);
        return page;
    }

    /** The field pages by field type, in the order of FIELDS; fails unless all four are there. */
    private Map<String, HtmlPage> fieldPages(HtmlPage page) {
        Map<String, HtmlPage> found = fieldPagesOrEmpty(page);
        assertEquals(FIELDS.size(), found.size(), "field iframes found: " + found.keySet());
        return found;
    }

    private static Map<String, HtmlPage> fieldPagesOrEmpty(HtmlPage page) {
        Map<String, HtmlPage> byField = new LinkedHashMap<>();
        for (FrameWindow frame : page.getFrames()) {
            Page enclosed = frame.getEnclosedPage();
            if (!(enclosed instanceof HtmlPage fieldPage)
                    || fieldPage.getElementById("cv-input") == null) {
                continue;
            }
            URL url = fieldPage.getUrl();
            if (!url.getPath().equals("/fields/field.html")) {
                continue;
            }
            Matcher m = Pattern.compile("(?:^|&)field=([A-Za-z]+)").matcher(url.getQuery());
            if (m.find()) {
                byField.put(m.group(1), fieldPage);
            }
        }
        Map<String, HtmlPage> ordered = new LinkedHashMap<>();
        FIELDS.forEach(
                f -> {
                    if (byField.containsKey(f)) {
                        ordered.put(f, byField.get(f));
                    }
                });
        return ordered;
    }

    private static HtmlInput input(HtmlPage fieldPage) {
        return fieldPage.getHtmlElementById("cv-input");
    }

    /** The demo page's event log, oldest first ("ready {...}", "change {...}", ...). */
    private static List<String> eventLog(HtmlPage page) {
        List<String> out = new ArrayList<>();
        DomElement events = page.getElementById("events");
        if (events != null) {
            for (DomElement li : events.getChildElements()) {
                out.add(0, li.getTextContent());
            }
        }
        return out;
    }

    /** The event names of the log, for failure messages that should not echo field state. */
    private static List<String> eventTypes(HtmlPage page) {
        return eventLog(page).stream().map(e -> e.split(" ", 2)[0]).toList();
    }

    private static List<String> recordedMessages(HtmlPage page) {
        Object json =
                page.executeJavaScript("JSON.stringify(window.__cvMessages || null)")
                        .getJavaScriptResult();
        assertNotNull(json, "the message recorder ran");
        List<String> out = new ArrayList<>();
        for (JsonValue v : Json.createReader(new StringReader(String.valueOf(json))).readArray()) {
            out.add(((jakarta.json.JsonString) v).getString());
        }
        return out;
    }

    /**
     * The message type of an envelope, for assertion messages that must not echo the message
     * itself.
     */
    private static String typeOf(String raw) {
        Matcher m = Pattern.compile("\"type\":\"([a-z:-]{1,40})\"").matcher(raw);
        return m.find() ? m.group(1) : "?";
    }

    /**
     * The message without its random ids, which may hold digit runs: the envelope's channel (chosen
     * by the merchant page), payload.requestId (also the merchant page's) and payload.token.id.
     */
    private static String withoutIds(String raw) {
        JsonValue parsed;
        try {
            parsed = Json.createReader(new StringReader(raw)).readValue();
        } catch (RuntimeException notJson) {
            return raw;
        }
        if (parsed.getValueType() != JsonValue.ValueType.OBJECT) {
            return raw;
        }
        JsonObject message = parsed.asJsonObject();
        var m = Json.createObjectBuilder(message).remove("channel");
        if (message.get("payload") instanceof JsonObject payload) {
            var p = Json.createObjectBuilder(payload).remove("requestId");
            if (payload.get("token") instanceof JsonObject token) {
                p.add("token", Json.createObjectBuilder(token).remove("id"));
            }
            m.add("payload", p);
        }
        return m.build().toString();
    }

    private String demoSecretKey() {
        String dataDir = System.getenv("CARDVAULT_DATA_DIR");
        assertNotNull(dataDir, "CARDVAULT_DATA_DIR is set for the failsafe run");
        Properties p = new Properties();
        try (Reader r =
                Files.newBufferedReader(Path.of(dataDir, "demo.env"), StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String sk = p.getProperty("CARDVAULT_DEMO_SK");
        assertNotNull(sk, "CARDVAULT_DEMO_SK in demo.env");
        return sk;
    }

    // --- waiting and script errors --------------------------------------------------------------

    private void waitFor(BooleanSupplier condition, String what) {
        waitFor(condition, () -> what);
    }

    /** Lets background JavaScript run until the condition holds; fails after WAIT_MS. */
    private void waitFor(BooleanSupplier condition, java.util.function.Supplier<String> what) {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                fail("timed out after " + WAIT_MS + " ms waiting for " + what.get());
            }
            browser.waitForBackgroundJavaScript(100);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    private void assertNoCardvaultScriptErrors() {
        assertTrue(scriptErrors.isEmpty(), "script errors in cardvault code: " + scriptErrors);
    }

    private boolean isOurs(HtmlPage page, String sourceName) {
        String src = sourceName == null ? "" : sourceName;
        String pageUrl = page == null ? "" : page.getUrl().toString();
        return src.contains("/js/cardvault.js")
                || src.contains("/fields/")
                || src.contains("/demo/")
                || pageUrl.contains("/fields/")
                || pageUrl.contains("/demo/");
    }

    private final class CollectingErrorListener implements JavaScriptErrorListener {
        @Override
        public void scriptException(HtmlPage page, ScriptException e) {
            // the message names the script (url#line); the demo and field pages run only cardvault
            // code
            if (isOurs(page, e.getMessage())) {
                scriptErrors.add(page.getUrl().getPath() + ": " + e.getMessage());
            }
        }

        @Override
        public void timeoutError(HtmlPage page, long allowed, long executionTime) {
            scriptErrors.add("script timeout on " + page.getUrl());
        }

        @Override
        public void malformedScriptURL(HtmlPage page, String url, MalformedURLException e) {
            scriptErrors.add("malformed script URL " + url);
        }

        @Override
        public void loadScriptError(HtmlPage page, URL scriptUrl, Exception e) {
            if (isOurs(page, scriptUrl.toString())) {
                scriptErrors.add("cannot load " + scriptUrl + ": " + e);
            }
        }

        @Override
        public void warn(
                String message, String sourceName, int line, String lineSource, int lineOffset) {
            // warnings are not errors
        }
    }
}
