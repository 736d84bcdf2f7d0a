package io.kgrec.model.id;

/** The id of a {@code :Customer}, as given by the source (household id, user id). Compared as a string. */
public record CustomerId(String value) implements Comparable<CustomerId> {
    public CustomerId {
        value = Ids.clean(value, "customer id");
    }

    public static CustomerId of(String value) {
        return new CustomerId(value);
    }

    @Override
    public int compareTo(CustomerId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
