package org.reception.cases.health;

/**
 * A part of the platform that can say whether it is ready to serve. The health endpoint answers
 * 200 only when every required check is registered and up.
 */
public interface HealthCheck {

    /** Service property naming the check, e.g. {@code store} or {@code rules}. */
    String NAME = "reception.health.name";

    HealthStatus check();
}
