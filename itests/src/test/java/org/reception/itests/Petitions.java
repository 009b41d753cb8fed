package org.reception.itests;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Petitions as a client sends them, for the end-to-end tests. */
final class Petitions {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ZHANG_ID = "11010519491231002X";
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    private Petitions() {
    }

    static Map<String, Object> petition(String category, String title, String content, String jurisdiction) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("channel", "ONLINE");
        fields.put("type", "APPEAL");
        fields.put("category", category);
        fields.put("title", title);
        fields.put("content", content);
        fields.put("jurisdiction", jurisdiction);
        fields.put("petitioners", List.of(person("张三", ZHANG_ID, false)));
        return fields;
    }

    static Map<String, Object> withPetitioners(Map<String, Object> petition, List<Map<String, Object>> petitioners) {
        petition.put("petitioners", petitioners);
        return petition;
    }

    static Map<String, Object> person(String name, String residentId, boolean representative) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("name", name);
        person.put("residentId", residentId);
        person.put("phone", "13800000000");
        person.put("address", "贵州省贵阳市");
        person.put("representative", representative);
        return person;
    }

    /** People with distinct valid identity numbers; the first {@code representatives} speak for the group. */
    static List<Map<String, Object>> group(int size, int representatives) {
        List<Map<String, Object>> people = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            people.add(person("村民" + i, residentId("52010219800101" + String.format("%03d", i + 1)), i < representatives));
        }
        return people;
    }

    /** A valid GB 11643 number from its first 17 digits. */
    static String residentId(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    static String json(Object value) throws IOException {
        return JSON.writeValueAsString(value);
    }
}
