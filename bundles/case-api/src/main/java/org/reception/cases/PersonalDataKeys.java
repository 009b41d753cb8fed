package org.reception.cases;

import java.util.List;

/** The keys petitioners' personal data is sealed with at rest, for the administrator who rotates them. */
public interface PersonalDataKeys {

    /**
     * Makes a fresh key current and seals every stored value again under it. Reads and writes go on
     * meanwhile; values are readable under either key until they are sealed again.
     *
     * @return the new key and how many values were sealed again
     */
    Rotation rotate();

    /**
     * @param newKey the id of the key now current
     * @param resealed values sealed again under it
     * @param retired the ids of older keys no stored value needs any more; they may be removed from the key file once it is backed up
     */
    record Rotation(String newKey, int resealed, List<String> retired) {
        public Rotation {
            retired = List.copyOf(retired);
        }
    }
}
