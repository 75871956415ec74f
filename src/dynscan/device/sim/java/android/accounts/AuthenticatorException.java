package android.accounts;

/** The authenticator failed. */
public class AuthenticatorException extends android.util.AndroidException {
    public AuthenticatorException() {}

    public AuthenticatorException(String message) { super(message); }
}
