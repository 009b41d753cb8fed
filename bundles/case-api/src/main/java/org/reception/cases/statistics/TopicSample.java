package org.reception.cases.statistics;

/**
 * A petition that raises a topic, as a list of cases shows it to the caller: never a name, an
 * identity number, a phone or an address.
 *
 * @param registrationNumber its registration number
 * @param jurisdiction its place
 * @param title its title
 */
public record TopicSample(String registrationNumber, String jurisdiction, String title) {
}
