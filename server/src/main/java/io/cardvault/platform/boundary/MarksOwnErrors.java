package io.cardvault.platform.boundary;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a resource that relays another server's answers (the forward proxy): every problem that
 * cardvault answers itself carries {@code x-cardvault-error: true}, so the caller can tell it from
 * the other server's own 4xx/5xx. See {@link OwnErrorMarker}.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface MarksOwnErrors {}
