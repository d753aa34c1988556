package io.cardvault.testing;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/** Stand-ins for container interfaces (requests, responses, async contexts) in unit tests. */
public final class Fakes {

    /** What a fake answers: the method's name and arguments in, the result out. */
    @FunctionalInterface
    public interface Answer {
        Object answer(String method, Object[] args) throws Throwable;
    }

    private Fakes() {}

    /**
     * An implementation of {@code type} whose every call goes to {@code answer}; an answer that
     * does not know a method should throw {@link #unexpected(String)}.
     */
    public static <T> T of(Class<T> type, Answer answer) {
        return type.cast(
                Proxy.newProxyInstance(
                        Fakes.class.getClassLoader(),
                        new Class<?>[] {type},
                        (Object proxy, Method m, Object[] args) ->
                                answer.answer(m.getName(), args)));
    }

    /** The failure of a call the test did not expect. */
    public static UnsupportedOperationException unexpected(String method) {
        return new UnsupportedOperationException(method);
    }
}
