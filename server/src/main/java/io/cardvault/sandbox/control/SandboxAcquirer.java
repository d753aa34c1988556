package io.cardvault.sandbox.control;

import io.cardvault.cards.control.BrandCatalog;
import io.cardvault.cards.control.ExpiryRules;
import io.cardvault.cards.control.Luhn;
import io.cardvault.cards.entity.Brand;
import io.cardvault.platform.control.RandomText;
import io.cardvault.sandbox.entity.DeclineCode;
import io.cardvault.sandbox.entity.ErrorCode;
import io.cardvault.sandbox.entity.InvalidPaymentException;
import io.cardvault.sandbox.entity.PaymentRequest;
import io.cardvault.sandbox.entity.PaymentResult;
import io.cardvault.sandbox.entity.PaymentStatus;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Optional;
import java.util.Random;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * A fake acquirer: validates a payment like a real one would and decides by test card.
 *
 * <p>Validation errors throw {@link InvalidPaymentException} (HTTP 400): {@code invalid_amount}
 * (amount not &gt; 0), {@code invalid_request} (currency not 3 letters), {@code invalid_number}
 * (not digits, wrong length for the brand, or Luhn fails), {@code invalid_expiry} (month not 1..12,
 * year not 2 or 4 digits), {@code invalid_cvc} (present but not the brand's length).
 *
 * <p>Decisions, checked in this order:
 *
 * <table>
 *   <caption>Sandbox test cards</caption>
 *   <tr><th>Input</th><th>Status</th><th>declineCode</th><th>HTTP</th></tr>
 *   <tr><td>any card whose expiry month has passed</td><td>declined</td><td>expired_card</td><td>402</td></tr>
 *   <tr><td>4000 0000 0000 0002</td><td>declined</td><td>card_declined</td><td>402</td></tr>
 *   <tr><td>4000 0000 0000 9995</td><td>declined</td><td>insufficient_funds</td><td>402</td></tr>
 *   <tr><td>4000 0000 0000 0069</td><td>declined</td><td>expired_card</td><td>402</td></tr>
 *   <tr><td>4000 0000 0000 0127</td><td>declined</td><td>incorrect_cvc</td><td>402</td></tr>
 *   <tr><td>amount &ge; 99999999</td><td>declined</td><td>amount_too_large</td><td>402</td></tr>
 *   <tr><td>any other valid card (4111 1111 1111 1111, 5555 5555 5555 4444, 3782 822463 10005, ...)</td>
 *       <td>approved</td><td>-</td><td>201</td></tr>
 * </table>
 *
 * <p>Logs one FINE line per decided payment with id, status and last four digits; nothing else of
 * the card.
 */
public class SandboxAcquirer {

    /** Amounts from here on (in minor units) are declined with {@code amount_too_large}. */
    public static final long AMOUNT_LIMIT = 99_999_999L;

    private static final Logger LOG = Logger.getLogger(SandboxAcquirer.class.getName());
    private static final Pattern CURRENCY = Pattern.compile("[A-Za-z]{3}");

    private final Clock clock;
    private final Random random;
    private final BrandCatalog brands = BrandCatalog.standard();

    public SandboxAcquirer() {
        this(Clock.systemUTC(), new SecureRandom());
    }

    public SandboxAcquirer(Clock clock, Random random) {
        this.clock = clock;
        this.random = random;
    }

    public PaymentResult pay(PaymentRequest request) {
        validateAmountAndCurrency(request);
        Brand brand = validateNumber(request.number());
        YearMonth expiry = validateExpiry(request.expMonth(), request.expYear());
        request.cvc().ifPresent(cvc -> validateCvc(cvc, brand));
        Optional<DeclineCode> decline = decide(request, expiry);
        String number = request.number();
        PaymentResult result =
                new PaymentResult(
                        newId(),
                        decline.isPresent() ? PaymentStatus.DECLINED : PaymentStatus.APPROVED,
                        decline,
                        decline.isPresent() ? 402 : 201,
                        request.amount(),
                        request.currency().toUpperCase(java.util.Locale.ROOT),
                        brand.id(),
                        number.substring(number.length() - 4));
        LOG.fine(
                () ->
                        "sandbox payment "
                                + result.id()
                                + " "
                                + result.status().wireName()
                                + " last4 "
                                + result.last4());
        return result;
    }

    private Optional<DeclineCode> decide(PaymentRequest request, YearMonth expiry) {
        if (ExpiryRules.isExpired(expiry.getMonthValue(), expiry.getYear(), YearMonth.now(clock))) {
            return Optional.of(DeclineCode.EXPIRED_CARD);
        }
        Optional<DeclineCode> testCard = TestCards.declineFor(request.number());
        if (testCard.isPresent()) {
            return testCard;
        }
        if (request.amount() >= AMOUNT_LIMIT) {
            return Optional.of(DeclineCode.AMOUNT_TOO_LARGE);
        }
        return Optional.empty();
    }

    private static void validateAmountAndCurrency(PaymentRequest request) {
        if (request.amount() <= 0) {
            throw new InvalidPaymentException(
                    ErrorCode.INVALID_AMOUNT, "amount must be a positive integer in minor units");
        }
        if (!CURRENCY.matcher(request.currency()).matches()) {
            throw new InvalidPaymentException(
                    ErrorCode.INVALID_REQUEST, "currency must be a 3-letter ISO 4217 code");
        }
    }

    private Brand validateNumber(String number) {
        if (number.length() < 12
                || number.length() > 19
                || !number.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidPaymentException(
                    ErrorCode.INVALID_NUMBER, "card number must be 12 to 19 digits");
        }
        Brand brand = brands.detect(number);
        if (!brand.acceptsLength(number.length())) {
            throw new InvalidPaymentException(
                    ErrorCode.INVALID_NUMBER,
                    "card number has the wrong length for " + brand.name());
        }
        if (!Luhn.isValid(number)) {
            throw new InvalidPaymentException(
                    ErrorCode.INVALID_NUMBER, "card number fails the Luhn check");
        }
        return brand;
    }

    private static YearMonth validateExpiry(int month, int year) {
        if (!ExpiryRules.isValidMonth(month)) {
            throw new InvalidPaymentException(ErrorCode.INVALID_EXPIRY, "expMonth must be 1 to 12");
        }
        int fullYear = ExpiryRules.normalizeYear(year);
        if (fullYear < 0) {
            throw new InvalidPaymentException(
                    ErrorCode.INVALID_EXPIRY, "expYear must have 2 or 4 digits");
        }
        return YearMonth.of(fullYear, month);
    }

    private static void validateCvc(String cvc, Brand brand) {
        if (!brand.acceptsCvc(cvc)) {
            String lengths = brand.cvcLengthText();
            throw new InvalidPaymentException(
                    ErrorCode.INVALID_CVC, "cvc must be " + lengths + " digits");
        }
    }

    private String newId() {
        return "pay_" + RandomText.base62(random, 24);
    }
}
