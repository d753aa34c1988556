package io.cardvault.platform.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cardvault.platform.entity.CommonProblem;
import io.cardvault.platform.entity.ProblemException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class MediaTypesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "application/json",
                "application/json; charset=utf-8",
                "application/json;charset=UTF-8",
                "application/json; charset=\"utf-8\"",
                "Application/JSON",
                "application/merchant+json",
                "application/problem+json; charset=utf-8",
            })
    void requireJson_jsonTypes_accepted(String contentType) {
        assertDoesNotThrow(() -> MediaTypes.requireJson(contentType));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "",
                "   ",
                "text/plain",
                "text/json-ish",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x",
                "application/xml",
                "application/jsonp",
                "application/json; charset=latin1",
                "application/json; charset=iso-8859-1",
                "application/json; charset=utf-16",
                "application/merchant+json; charset=latin1",
            })
    void requireJson_otherTypesOrCharsets_unsupportedMediaType(String contentType) {
        ProblemException e =
                assertThrows(ProblemException.class, () -> MediaTypes.requireJson(contentType));
        assertEquals(CommonProblem.UNSUPPORTED_MEDIA_TYPE, e.type());
        assertEquals(415, e.type().status());
    }
}
