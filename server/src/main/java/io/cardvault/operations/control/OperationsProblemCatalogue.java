package io.cardvault.operations.control;

import io.cardvault.operations.entity.OperationsProblem;
import io.cardvault.platform.entity.ProblemCatalogue;
import io.cardvault.platform.entity.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Lists this feature's problem types for the {@code /problems/<code>} pages. */
@ApplicationScoped
public class OperationsProblemCatalogue implements ProblemCatalogue {

    @Override
    public List<ProblemType> types() {
        return List.of(OperationsProblem.values());
    }
}
