package io.cardvault.tenants.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cardvault.platform.entity.ProblemException;
import io.cardvault.tenants.entity.TenantProblem;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdminGuardTest {

    private static AdminGuard guard(String configured) {
        AdminGuard g = new AdminGuard();
        g.configuredKey = Optional.ofNullable(configured);
        return g;
    }

    @Test
    void check_noConfiguredKeyAndNoDemoKey_adminDisabled() {
        ProblemException e =
                assertThrows(ProblemException.class, () -> guard(null).check("anything"));
        assertEquals(TenantProblem.ADMIN_DISABLED, e.type());
    }

    @Test
    void check_blankConfiguredKey_adminDisabled() {
        assertEquals(
                TenantProblem.ADMIN_DISABLED,
                assertThrows(ProblemException.class, () -> guard("  ").check("x")).type());
    }

    @Test
    void check_configuredKey_acceptsOnlyThatKey() {
        AdminGuard g = guard("operator-key-123");
        assertDoesNotThrow(() -> g.check("operator-key-123"));
        assertEquals(
                TenantProblem.UNAUTHENTICATED,
                assertThrows(ProblemException.class, () -> g.check("operator-key-124")).type());
        assertEquals(
                TenantProblem.UNAUTHENTICATED,
                assertThrows(ProblemException.class, () -> g.check(null)).type());
    }

    @Test
    void check_demoKey_usedOnlyWithoutConfiguredKey() {
        AdminGuard demo = guard(null);
        demo.useDemoKey("ak_demo");
        assertDoesNotThrow(() -> demo.check("ak_demo"));
        AdminGuard configured = guard("operator");
        configured.useDemoKey("ak_demo");
        assertThrows(ProblemException.class, () -> configured.check("ak_demo"));
    }
}
