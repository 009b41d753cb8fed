package org.reception.rest.openapi;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.swagger.v3.core.filter.AbstractSpecFilter;
import io.swagger.v3.core.model.ApiDescription;
import io.swagger.v3.oas.models.Operation;

/**
 * Writes {@code security: []} on the operations that declare no security requirement, which are
 * the anonymous ones ({@code @Anonymous} resources): a client generator then knows that they need
 * no credentials, rather than guessing. Run when the OpenAPI document is generated at build time;
 * not part of the bundle.
 */
public final class AnonymousOperations extends AbstractSpecFilter {

    @Override
    public Optional<Operation> filterOperation(Operation operation, ApiDescription api,
                                               Map<String, List<String>> params, Map<String, String> cookies,
                                               Map<String, List<String>> headers) {
        if (operation.getSecurity() == null) {
            operation.setSecurity(List.of());
        }
        return Optional.of(operation);
    }
}
