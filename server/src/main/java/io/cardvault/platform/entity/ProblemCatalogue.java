package io.cardvault.platform.entity;

import java.util.List;

/**
 * Implemented by one bean per feature that lists the feature's problem types, so that {@code
 * /problems/<code>} can describe every code without the platform depending on any feature.
 */
public interface ProblemCatalogue {

    List<ProblemType> types();
}
