package io.cardvault.testing;

import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * Wires beans for unit tests the way CDI would, without a container: sets injected fields and calls
 * lifecycle methods by name, across packages.
 */
public final class Beans {

    private Beans() {}

    public static <T> T set(T bean, String field, Object value) {
        try {
            Field f = find(bean.getClass(), field);
            f.setAccessible(true);
            f.set(bean, value);
            return bean;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot set " + field, e);
        }
    }

    public static <T> T call(T bean, String method) {
        try {
            Method m = bean.getClass().getDeclaredMethod(method);
            m.setAccessible(true);
            m.invoke(bean);
            return bean;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot call " + method, e);
        }
    }

    private static Field find(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(name);
    }
}
