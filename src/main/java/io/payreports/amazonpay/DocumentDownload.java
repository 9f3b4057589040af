package io.payreports.amazonpay;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An opened report document: the body to stream (the caller closes it) and the charset the
 * document host declared in its Content-Type, if any, so that the parser need not guess.
 */
public record DocumentDownload(InputStream body, Optional<Charset> charset) {

    private static final Logger LOG = LoggerFactory.getLogger(DocumentDownload.class);

    /** The {@code charset=} parameter of a Content-Type; a name this JVM does not know is ignored with a warning. */
    static Optional<Charset> charsetOf(Optional<String> contentType, String reportDocumentId) {
        Optional<String> name = contentType.stream()
                .flatMap(value -> Arrays.stream(value.split(";")))
                .map(String::trim)
                .filter(parameter -> parameter.toLowerCase(Locale.ROOT).startsWith("charset="))
                .map(parameter ->
                        parameter.substring("charset=".length()).trim().replace("\"", ""))
                .findFirst();
        try {
            return name.map(Charset::forName);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            LOG.warn(
                    "report document {}: unknown charset '{}' in the download's Content-Type, ignored",
                    reportDocumentId,
                    name.get());
            return Optional.empty();
        }
    }
}
