package org.reception.cases;

/**
 * A person who brings the petition.
 *
 * @param residentId 18-character resident identity number (GB 11643)
 * @param representative whether the group chose this person to speak for it (Art. 20)
 */
public record Petitioner(String name, String residentId, String phone, String address, boolean representative) {
}
