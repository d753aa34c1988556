package io.cardvault.launcher;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code Main-Class} of {@code cardvault.jar}. A node joins a cluster only when told to, with
 * {@code --clustermode tcpip:host:port,...}; without that option it is started with {@code
 * --nocluster} (alone, as before). Any other {@code --clustermode} value — multicast, domain
 * discovery, a malformed member list — stops the start-up with a message saying what is accepted,
 * before Payara Micro starts. Everything else goes to Payara Micro unchanged.
 */
public final class NodeLauncher {

    private static final String MEMBER = "[A-Za-z0-9][A-Za-z0-9.\\-]*:[0-9]{1,5}";
    private static final Pattern TCPIP = Pattern.compile("tcpip:" + MEMBER + "(," + MEMBER + ")*");
    static final String PAYARA_MAIN = "fish.payara.micro.PayaraMicro";

    private NodeLauncher() {}

    public static void main(String[] args) throws Throwable {
        List<String> options;
        try {
            options = options(args);
        } catch (IllegalArgumentException e) {
            System.err.println("cardvault: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            Class.forName(PAYARA_MAIN)
                    .getMethod("main", String[].class)
                    .invoke(null, (Object) options.toArray(new String[0]));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The options for Payara Micro; throws with a readable message for a wrong cluster mode. */
    static List<String> options(String[] args) {
        List<String> out = new ArrayList<>(List.of(args));
        int at = out.indexOf("--clustermode");
        if (at < 0) {
            if (!out.contains("--nocluster")) {
                out.add("--nocluster");
            }
            return out;
        }
        String mode = at + 1 < out.size() ? out.get(at + 1) : "";
        if (!TCPIP.matcher(mode).matches() || !portsInRange(mode)) {
            throw new IllegalArgumentException(
                    "invalid --clustermode '"
                            + mode
                            + "': use tcpip:<host>:<port>[,<host>:<port>...] with every member of"
                            + " the cluster, e.g. --clustermode tcpip:127.0.0.1:5901,127.0.0.1:5902"
                            + " (with --startport and --interfaces); multicast and domain discovery"
                            + " are not supported");
        }
        if (out.contains("--nocluster")) {
            throw new IllegalArgumentException("--clustermode and --nocluster exclude each other");
        }
        return out;
    }

    private static boolean portsInRange(String mode) {
        for (String member : mode.substring("tcpip:".length()).split(",")) {
            int port = Integer.parseInt(member.substring(member.lastIndexOf(':') + 1));
            if (port < 1 || port > 65_535) {
                return false;
            }
        }
        return true;
    }
}
