package android.accounts;

/** An account on the device: a name and a type. */
public class Account {
    public final String name;
    public final String type;

    public Account(String name, String type) {
        this.name = name;
        this.type = type;
    }

    @Override public boolean equals(Object o) {
        return o instanceof Account && ((Account) o).name.equals(name) && ((Account) o).type.equals(type);
    }

    @Override public int hashCode() { return name.hashCode() * 31 + type.hashCode(); }

    @Override public String toString() { return "Account {name=" + name + ", type=" + type + "}"; }
}
