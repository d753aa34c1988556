package io.cardvault.crypto.control;

import io.cardvault.crypto.entity.CryptoProblem;
import io.cardvault.platform.entity.ProblemCatalogue;
import io.cardvault.platform.entity.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Lists this feature's problem types for the {@code /problems/<code>} pages. */
@ApplicationScoped
public class CryptoProblemCatalogue implements ProblemCatalogue {

    @Override
    public List<ProblemType> types() {
        return List.of(CryptoProblem.values());
    }
}
