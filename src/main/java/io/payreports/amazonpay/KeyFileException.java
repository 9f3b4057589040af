package io.payreports.amazonpay;

/** A key file that cannot be used, said in one line that names the file but never shows key material. */
public class KeyFileException extends RuntimeException {

    public KeyFileException(String message) {
        super(message);
    }
}
