package io.cardvault.testing;

import jakarta.inject.Inject;
import java.lang.reflect.Field;

/** Fills a bean's {@code @Inject} fields from the given objects by type: CDI for unit tests. */
public final class Wiring {

    private Wiring() {}

    public static <T> T wire(T bean, Object... dependencies) {
        for (Class<?> c = bean.getClass(); c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (!f.isAnnotationPresent(Inject.class)) {
                    continue;
                }
                for (Object d : dependencies) {
                    if (d != null && f.getType().isInstance(d)) {
                        try {
                            f.setAccessible(true);
                            f.set(bean, d);
                        } catch (IllegalAccessException e) {
                            throw new IllegalStateException(e);
                        }
                        break;
                    }
                }
            }
        }
        return bean;
    }

    public static void set(Object bean, String field, Object value) {
        for (Class<?> c = bean.getClass(); c != Object.class; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(field);
                f.setAccessible(true);
                f.set(bean, value);
                return;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalArgumentException("no field " + field);
    }
}
