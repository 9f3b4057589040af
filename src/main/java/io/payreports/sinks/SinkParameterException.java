package io.payreports.sinks;

/**
 * A sink's template parameter with a value the sink cannot take. It names the parameter, so that a sink
 * declared by {@code payreports.sinks.<name>.*} keys has the problem reported on the key that set it.
 */
public final class SinkParameterException extends IllegalArgumentException {

    private final String parameter;

    /** @param problem what is wrong, after the parameter's name, e.g. {@code must be SSL or ..., not 'TLS'} */
    public SinkParameterException(String parameter, String problem) {
        super(parameter + " " + problem);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
