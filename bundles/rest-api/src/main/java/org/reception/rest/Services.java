package org.reception.rest;

import java.util.function.Supplier;

import org.reception.cases.PetitionService;
import org.reception.cases.ServiceUnavailable;

/** The services the API calls, which may come and go while it is published. */
final class Services {

    private Services() {
    }

    /** The service, or 503 naming what is not running. */
    static <T> T required(Supplier<T> service, String what) {
        T found = service.get();
        if (found == null) {
            throw new ServiceUnavailable(what + " is not running");
        }
        return found;
    }

    static PetitionService required(Supplier<PetitionService> petitions) {
        PetitionService service = petitions.get();
        if (service == null) {
            throw new ServiceUnavailable("petition intake is not running");
        }
        return service;
    }
}
