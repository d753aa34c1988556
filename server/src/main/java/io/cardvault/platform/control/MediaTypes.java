package io.cardvault.platform.control;

import io.cardvault.platform.entity.CommonProblem;
import io.cardvault.platform.entity.ProblemException;
import java.util.Locale;

/**
 * Content-Type checks for JSON endpoints: application/json or any +json, charset UTF-8 if given.
 */
public final class MediaTypes {

    private MediaTypes() {}

    public static void requireJson(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw new ProblemException(
                    CommonProblem.UNSUPPORTED_MEDIA_TYPE, "send Content-Type: application/json");
        }
        String lower = contentType.toLowerCase(Locale.ROOT);
        String essence = lower.split(";", 2)[0].strip();
        if (!essence.equals("application/json") && !essence.endsWith("+json")) {
            throw new ProblemException(
                    CommonProblem.UNSUPPORTED_MEDIA_TYPE, "send Content-Type: application/json");
        }
        for (String param : lower.split(";")) {
            String[] kv = param.strip().split("=", 2);
            if (kv.length == 2
                    && kv[0].strip().equals("charset")
                    && !kv[1].strip().replace("\"", "").equals("utf-8")) {
                throw new ProblemException(
                        CommonProblem.UNSUPPORTED_MEDIA_TYPE, "JSON must be UTF-8");
            }
        }
    }
}
