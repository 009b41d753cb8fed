package org.reception.reports;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.reception.cases.statistics.Figures;

/**
 * Makes the case API's statistics values from their parts by name, the others left 0 or empty, so
 * that a figure added to them later does not break the tests: a record by its components, and
 * {@link Figures} by the names of its counts (as {@link Figures#byName()} names them).
 */
final class Records {

    private Records() {
    }

    /** Figures with the counts named, the others 0: a record's components or {@code Figures.of} by its counts. */
    static Figures figures(Map<String, Long> counts) {
        if (Figures.class.isRecord()) {
            @SuppressWarnings({"unchecked", "rawtypes"})
            Figures figures = (Figures) (Object) of((Class) Figures.class, counts);
            return figures;
        }
        try {
            Method of = Figures.class.getMethod("of", Map.class);
            Class<?> countType = Class.forName(Figures.class.getName() + "$Count");
            Method figure = countType.getMethod("figure");
            Map<Object, Long> byCount = new LinkedHashMap<>();
            Set<String> known = new HashSet<>();
            for (Object count : countType.getEnumConstants()) {
                String name = (String) figure.invoke(count);
                known.add(name);
                if (counts.containsKey(name)) {
                    byCount.put(count, counts.get(name));
                }
            }
            if (!known.containsAll(counts.keySet())) {
                throw new IllegalArgumentException("Figures counts no " + counts.keySet().stream()
                        .filter(name -> !known.contains(name)).toList());
            }
            return (Figures) of.invoke(null, byCount);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make Figures", e);
        }
    }

    static <R extends Record> R of(Class<R> type, Map<String, ?> components) {
        RecordComponent[] all = type.getRecordComponents();
        Class<?>[] types = new Class<?>[all.length];
        Object[] values = new Object[all.length];
        for (int i = 0; i < all.length; i++) {
            types[i] = all[i].getType();
            Object value = components.get(all[i].getName());
            values[i] = value != null ? value : empty(types[i]);
        }
        for (String name : components.keySet()) {
            boolean known = false;
            for (RecordComponent component : all) {
                known |= component.getName().equals(name);
            }
            if (!known) {
                throw new IllegalArgumentException(type.getSimpleName() + " has no component " + name);
            }
        }
        try {
            Constructor<R> constructor = type.getDeclaredConstructor(types);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a " + type.getSimpleName(), e);
        }
    }

    private static Object empty(Class<?> type) {
        if (type == long.class) {
            return 0L;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == double.class) {
            return 0d;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == java.util.List.class) {
            return java.util.List.of();
        }
        if (type == java.util.Set.class) {
            return java.util.Set.of();
        }
        if (type == java.util.Map.class) {
            return java.util.Map.of();
        }
        return null;
    }
}
