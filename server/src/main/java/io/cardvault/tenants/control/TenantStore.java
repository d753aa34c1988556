package io.cardvault.tenants.control;

import io.cardvault.platform.control.Jdbc;
import io.cardvault.platform.control.JsonFactories;
import io.cardvault.tenants.entity.Tenant;
import io.cardvault.tenants.entity.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code tenants} table. The only SQL for tenants. */
@ApplicationScoped
public class TenantStore {

    @Inject Jdbc jdbc;

    public void insert(Tenant t) {
        jdbc.update(
                "insert into tenants (id, name, allowed_origins, allowed_destinations, font_stylesheets,"
                        + " created_at) values (?, ?, ?, ?, ?, ?)",
                t.id().value(),
                t.name(),
                toJson(t.allowedOrigins()),
                toJson(t.allowedDestinations()),
                toJson(t.fontStylesheets()),
                t.createdAt().toEpochMilli());
    }

    public Optional<Tenant> find(TenantId id) {
        return jdbc.queryOne("select * from tenants where id = ?", TenantStore::tenant, id.value());
    }

    public void update(Tenant t) {
        jdbc.update(
                "update tenants set name = ?, allowed_origins = ?, allowed_destinations = ?,"
                        + " font_stylesheets = ? where id = ?",
                t.name(),
                toJson(t.allowedOrigins()),
                toJson(t.allowedDestinations()),
                toJson(t.fontStylesheets()),
                t.id().value());
    }

    private static Tenant tenant(ResultSet rs) throws SQLException {
        return new Tenant(
                new TenantId(rs.getString("id")),
                rs.getString("name"),
                fromJson(rs.getString("allowed_origins")),
                fromJson(rs.getString("allowed_destinations")),
                fromJson(rs.getString("font_stylesheets")),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }

    static String toJson(List<String> values) {
        JsonArrayBuilder a = JsonFactories.arrayBuilder();
        values.forEach(a::add);
        return a.build().toString();
    }

    static List<String> fromJson(String json) {
        return JsonFactories.reader(new StringReader(json))
                .readArray()
                .getValuesAs(JsonString.class)
                .stream()
                .map(JsonString::getString)
                .toList();
    }
}
