package org.reception.cases.health;

/** The answer of one {@link HealthCheck}: up or not, and a short reason a person can read. */
public record HealthStatus(boolean up, String detail) {

    public static HealthStatus up(String detail) {
        return new HealthStatus(true, detail);
    }

    public static HealthStatus down(String detail) {
        return new HealthStatus(false, detail);
    }
}
