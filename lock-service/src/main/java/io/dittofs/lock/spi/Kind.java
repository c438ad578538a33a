package io.dittofs.lock.spi;

/** The four kinds of durable lock state. The code is the key prefix / kind column in the stores. */
public enum Kind {
    CLIENT('c'), OPEN('o'), LOCK('l'), GRANT('g');

    private final char code;

    Kind(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }

    public static Kind of(char code) {
        for (Kind k : values()) {
            if (k.code == code) {
                return k;
            }
        }
        throw new StoreException("unknown record kind '" + code + "'", null);
    }
}
