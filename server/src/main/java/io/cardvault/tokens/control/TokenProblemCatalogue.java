package io.cardvault.tokens.control;

import io.cardvault.platform.entity.ProblemCatalogue;
import io.cardvault.platform.entity.ProblemType;
import io.cardvault.tokens.entity.TokenProblem;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Lists this feature's problem types for the {@code /problems/<code>} pages. */
@ApplicationScoped
public class TokenProblemCatalogue implements ProblemCatalogue {

    @Override
    public List<ProblemType> types() {
        return List.of(TokenProblem.values());
    }
}
