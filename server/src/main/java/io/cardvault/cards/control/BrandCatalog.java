package io.cardvault.cards.control;

import io.cardvault.cards.entity.Brand;
import io.cardvault.cards.entity.Brand.PrefixRange;
import io.cardvault.platform.control.JsonFactories;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Brand detection from {@code card-brands.json}, the same file the hosted fields bundle. The
 * longest matching prefix range wins, so overlapping ranges resolve the same way in Java and
 * JavaScript.
 */
public final class BrandCatalog {

    public static final String RESOURCE = "/card-brands.json";

    private static final BrandCatalog DEFAULT = load();

    private final List<Brand> brands;
    private final Brand unknown;
    private final java.util.Map<String, Brand> byId = new java.util.HashMap<>();

    BrandCatalog(List<Brand> brands, Brand unknown) {
        this.brands = List.copyOf(brands);
        this.unknown = unknown;
        this.brands.forEach(b -> byId.put(b.id(), b));
    }

    public static BrandCatalog standard() {
        return DEFAULT;
    }

    public List<Brand> brands() {
        return brands;
    }

    /** The brand with this id, or {@code unknown}: how stored tokens get their brand back. */
    public Brand byId(String id) {
        return byId.getOrDefault(id, unknown);
    }

    public Brand unknown() {
        return unknown;
    }

    /** The brand for a (possibly partial) digit string; {@code unknown} when no range matches. */
    public Brand detect(String digits) {
        Brand best = unknown;
        int bestWidth = 0;
        for (Brand brand : brands) {
            for (PrefixRange range : brand.ranges()) {
                if (range.width() > bestWidth && range.matches(digits)) {
                    best = brand;
                    bestWidth = range.width();
                }
            }
        }
        return best;
    }

    static BrandCatalog load() {
        try (InputStream in = BrandCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            try (JsonReader reader = JsonFactories.reader(in)) {
                JsonObject root = reader.readObject();
                List<Brand> brands = new ArrayList<>();
                for (JsonValue value : root.getJsonArray("brands")) {
                    brands.add(brand(value.asJsonObject()));
                }
                return new BrandCatalog(brands, brand(root.getJsonObject("unknown")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Brand brand(JsonObject o) {
        List<PrefixRange> ranges = new ArrayList<>();
        if (o.containsKey("ranges")) {
            for (JsonValue r : o.getJsonArray("ranges")) {
                ranges.add(
                        new PrefixRange(
                                r.asJsonObject().getString("from"),
                                r.asJsonObject().getString("to")));
            }
        }
        List<Integer> lengths = new ArrayList<>();
        o.getJsonArray("lengths")
                .getValuesAs(jakarta.json.JsonNumber.class)
                .forEach(n -> lengths.add(n.intValue()));
        return new Brand(
                o.getString("brand"), o.getString("name"), ranges, lengths, o.getInt("cvcLength"));
    }
}
