package io.cardvault.checkout.boundary;

import io.cardvault.checkout.entity.CheckoutSession;
import java.util.Currency;

/**
 * The HTML of the hosted page. Every value from a merchant is escaped; the page text is English
 * here and localized by {@code /checkout/pay.js} (elements with {@code data-i18n}).
 */
final class PayPage {

    private PayPage() {}

    static String open(CheckoutSession s, String tenantName, String publishableKey) {
        String currency = s.request().currency();
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return head(tenantName)
                + "<main class=\"pay\" id=\"pay-page\" data-state=\"open\" data-session=\""
                + esc(s.id().value())
                + "\" data-key=\""
                + esc(publishableKey)
                + "\" data-amount=\""
                + s.request().amount()
                + "\" data-currency=\""
                + esc(currency)
                + "\" data-digits=\""
                + digits
                + "\" data-cancel-url=\""
                + esc(s.request().cancelUrl())
                + "\">\n"
                + summary(s, tenantName)
                + "<p class=\"secure\" id=\"secure-notice\"><span aria-hidden=\"true\">&#128274;</span> "
                + "<span data-i18n=\"secure\">Secure connection: your card details are encrypted and go"
                + " straight to cardvault. The merchant never sees them.</span></p>\n"
                + "<form id=\"pay-form\" novalidate>\n"
                + "<label class=\"label\" for=\"card-number\" data-i18n=\"number\">Card number</label>\n"
                + "<div id=\"card-number\" class=\"field\"></div>\n"
                + "<div class=\"row\"><div class=\"col\"><label class=\"label\" for=\"card-expiry\" data-i18n=\"expiry\">Expiry date</label>"
                + "<div id=\"card-expiry\" class=\"field\"></div></div>\n"
                + "<div class=\"col\"><label class=\"label\" for=\"card-cvc\" data-i18n=\"cvc\">Security code</label>"
                + "<div id=\"card-cvc\" class=\"field\"></div></div></div>\n"
                + "<div id=\"pay-error\" class=\"error\" role=\"alert\" hidden></div>\n"
                + "<button type=\"submit\" id=\"pay-button\" class=\"primary\" disabled>"
                + "<span data-i18n=\"pay\">Pay</span> <span class=\"amount-text\">"
                + esc(currency)
                + " "
                + PayPageServlet.major(s.request().amount(), currency)
                + "</span></button>\n"
                + "<button type=\"button\" id=\"cancel-button\" class=\"secondary\" data-i18n=\"cancel\">Cancel</button>\n"
                + "</form>\n</main>\n"
                + "<script src=\"/js/cardvault.js\"></script>\n"
                + "<script src=\"/checkout/pay.js\"></script>\n</body>\n</html>\n";
    }

    /** A session that cannot be paid: says why, collects nothing. */
    static String closed(String state, String tenantName, String backUrl, CheckoutSession s) {
        String key =
                switch (state) {
                    case "complete" -> "complete";
                    case "expired" -> "expired";
                    default -> "unknown";
                };
        String text =
                switch (key) {
                    case "complete" -> "This payment is complete. Nothing more to do.";
                    case "expired" -> "This payment link has expired. Nothing was charged.";
                    default -> "This payment link is not valid.";
                };
        return head(tenantName.isEmpty() ? "cardvault" : tenantName)
                + "<main class=\"pay\" id=\"pay-page\" data-state=\""
                + key
                + "\">\n"
                + (s == null ? "" : summary(s, tenantName))
                + "<p class=\"status\" id=\"session-state\" role=\"status\" data-i18n=\""
                + key
                + "\">"
                + text
                + "</p>\n"
                + (backUrl == null
                        ? ""
                        : "<p><a class=\"secondary link\" id=\"back-link\" href=\""
                                + esc(backUrl)
                                + "\" data-i18n=\"back\">Back to the shop</a></p>\n")
                + "</main>\n<script src=\"/checkout/pay.js\"></script>\n</body>\n</html>\n";
    }

    private static String summary(CheckoutSession s, String tenantName) {
        String currency = s.request().currency();
        return "<header class=\"summary\">\n<p class=\"merchant\" id=\"merchant-name\">"
                + esc(tenantName)
                + "</p>\n<h1 class=\"amount\" id=\"amount\">"
                + esc(currency)
                + " "
                + PayPageServlet.major(s.request().amount(), currency)
                + "</h1>\n"
                + s.request()
                        .description()
                        .map(
                                d ->
                                        "<p class=\"description\" id=\"description\">"
                                                + esc(d)
                                                + "</p>\n")
                        .orElse("")
                + "</header>\n";
    }

    private static String head(String title) {
        return "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"referrer\" content=\"no-referrer\">\n"
                + "<title>"
                + esc(title)
                + " – cardvault</title>\n"
                + "<link rel=\"stylesheet\" href=\"/checkout/pay.css\">\n</head>\n<body>\n";
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
