package net.kbox.mail.diagnosis;

import static net.kbox.mail.diagnosis.FailureChain.find;
import static net.kbox.mail.diagnosis.FailureChain.messageContaining;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import net.kbox.mail.diagnosis.MailError.Kind;
import net.kbox.mail.diagnosis.MailErrorTranslator.Context;
import net.kbox.mail.settings.MailAuthentication;
import net.kbox.mail.settings.MailDeploymentProperties;
import org.jspecify.annotations.Nullable;

/**
 * The token endpoint gave no access token: unreachable, untrusted, or it refused the client. Microsoft
 * Entra says why in an AADSTS code inside its description, Google and others in the OAuth 2.0 error code.
 */
final class TokenErrors {

    private TokenErrors() {
    }

    static @Nullable MailError refused(Throwable failure, Context context) {
        TokenFailure token = find(failure, TokenFailure.class);
        if (token == null) {
            return null;
        }
        MailError unreachable = unreachable(token, context);
        if (unreachable != null) {
            return unreachable;
        }
        if (token.status() == null && token.getCause() == null) {
            return MailError.of(Kind.TOKEN_UNAVAILABLE, "The token URL " + token.endpoint() + " cannot be used: "
                    + token.description());
        }
        String code = token.errorCode() == null ? "" : token.errorCode();
        String description = token.description() == null ? "" : token.description();
        String said = "(" + (code.isEmpty() ? "HTTP " + token.status() : code) + aadsts(description) + ")";
        MailError known = known(code, description, said, context);
        if (known != null) {
            return known;
        }
        if (code.isEmpty()) {
            return MailError.of(Kind.TOKEN_UNAVAILABLE, "The token URL answered " + (token.status() == null ? "no token"
                    : "HTTP " + token.status()) + " instead of an access token: check the token URL");
        }
        return MailError.of(Kind.TOKEN_REFUSED, "The token endpoint refused to issue an access token " + said
                + (description.isEmpty() ? "" : ": " + shortened(description)));
    }

    private static @Nullable MailError known(String code, String description, String said, Context context) {
        MailAuthentication method = context.oauth().method();
        if (description.contains("AADSTS7000222")) {
            return refused("The client secret has expired " + said + ": create a new one in the Microsoft Entra admin "
                    + "center (App registrations > Certificates & secrets) and enter it on the Mail page");
        }
        if (description.contains("AADSTS700016")) {
            return refused("The app " + context.oauth().clientId() + " is not found in the tenant " + said
                    + ": check the client ID (Application ID) and the tenant ID");
        }
        if (description.contains("AADSTS90002") || description.contains("AADSTS900023")) {
            return refused("The tenant " + context.oauth().tenantId() + " does not exist " + said + ": check the tenant ID");
        }
        if (code.equals("invalid_client") || description.contains("AADSTS7000215")) {
            return refused(method == MailAuthentication.MICROSOFT_365
                    ? "Microsoft Entra rejected the client ID or secret " + said + ": enter the secret's value (not its "
                            + "ID) from App registrations > Certificates & secrets, and check the client ID"
                    : "The token endpoint rejected the client ID or secret " + said + ": check both");
        }
        if (code.equals("invalid_scope") || description.contains("AADSTS65001") || description.contains("AADSTS1003012")) {
            return refused(method == MailAuthentication.MICROSOFT_365
                    ? "The app may not send e-mail yet " + said + ": add the permission SMTP.SendAsApp (Office 365 "
                            + "Exchange Online) to the app registration and grant admin consent"
                    : "The token endpoint refused the scope " + context.oauth().requestedScope() + " " + said
                            + ": check the scope, and that the client may ask for it");
        }
        if (method == MailAuthentication.GOOGLE && (code.equals("unauthorized_client") || code.equals("invalid_grant"))) {
            return refused("Google refused the token for " + context.username() + " " + said + ": in the Google Admin "
                    + "console (Security > API controls > Domain-wide delegation) allow the service account's client ID "
                    + "the scope " + MailAuthentication.GOOGLE_SCOPE + ", check that " + context.username()
                    + " is a user of your Workspace, and that this server's clock is right");
        }
        if (code.equals("unauthorized_client")) {
            return refused("The client may not use this grant " + said + ": allow it the client-credentials grant and "
                    + "consent to the scope at your provider");
        }
        return null;
    }

    private static @Nullable MailError unreachable(TokenFailure token, Context context) {
        String host = token.endpointHost();
        if (find(token, UnknownHostException.class) != null) {
            return unavailable("Cannot resolve " + host + ", the host of the token URL: check the token URL"
                    + (context.oauth().method() == MailAuthentication.MICROSOFT_365 ? " (the tenant ID)" : ""));
        }
        // before "refused": the JDK's connect timeout carries a ConnectException as its cause
        if (find(token, HttpTimeoutException.class) != null) {
            return unavailable("No answer within " + MailErrorTranslator.seconds(context.timeout()) + " from the token "
                    + "endpoint " + host + ": check the token URL, and any firewall or proxy in between");
        }
        if (find(token, ConnectException.class) != null) {
            return unavailable("The token endpoint " + host + " refused the connection: check the token URL");
        }
        if (messageContaining(token, "subject alternative") != null || messageContaining(token, "No name matching") != null) {
            return unavailable("The certificate of the token endpoint is for another host than " + host
                    + ": check the token URL");
        }
        if (find(token, SSLException.class) != null || messageContaining(token, "PKIX path") != null) {
            return unavailable("The certificate of the token endpoint " + host + " is not trusted: add its certificate "
                    + "authority to " + MailDeploymentProperties.CA_CERTIFICATES_VARIABLE);
        }
        if (token.getCause() != null && token.status() == null && token.errorCode() == null) {
            return unavailable("The token endpoint " + host + " could not be asked for an access token ("
                    + FailureChain.describe(FailureChain.deepest(token)) + "): check the token URL");
        }
        return null;
    }

    /** The AADSTS code a Microsoft description starts with, if any: ", AADSTS7000215". */
    private static String aadsts(String description) {
        var matcher = java.util.regex.Pattern.compile("AADSTS\\d+").matcher(description);
        return matcher.find() ? ", " + matcher.group() : "";
    }

    private static String shortened(String description) {
        String line = description.strip().replaceAll("\\s+", " ");
        int end = line.toLowerCase(Locale.ROOT).indexOf(" trace id:");
        line = end > 0 ? line.substring(0, end) : line;
        return line.length() <= 200 ? line : line.substring(0, 199) + "…";
    }

    private static MailError refused(String sentence) {
        return MailError.of(Kind.TOKEN_REFUSED, sentence);
    }

    private static MailError unavailable(String sentence) {
        return MailError.of(Kind.TOKEN_UNAVAILABLE, sentence);
    }
}
