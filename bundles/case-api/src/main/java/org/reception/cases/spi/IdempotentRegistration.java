package org.reception.cases.spi;

import java.util.List;

import org.reception.cases.Petition;

/**
 * A registration recorded under an idempotency key: enough to answer a retry as the first request
 * was answered.
 *
 * @param created whether this call stored the petition (false: the key was recorded already)
 */
public record IdempotentRegistration(Key key, Petition petition, String queryCode, List<String> possibleDuplicates,
                                     boolean created) {

    public IdempotentRegistration {
        possibleDuplicates = List.copyOf(possibleDuplicates);
    }

    /**
     * @param keyHash a hash of the client's key, the only form the store keeps of it
     * @param requestHash a hash of the request, to tell a retry from a different request under the same key
     */
    public record Key(String keyHash, String requestHash) {
    }
}
