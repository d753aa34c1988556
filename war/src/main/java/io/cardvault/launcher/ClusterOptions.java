package io.cardvault.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a node joins a cluster, decided only by its command line. With {@code --clustermode
 * tcpip:host:port,...} it joins exactly those members (no multicast, no discovery); without it the
 * node is alone and starts with {@code --nohazelcast}, so it opens no data-grid port at all. Not
 * {@code --nocluster}: Payara Micro still starts a Hazelcast member for that (listening on 6900 on
 * every interface), and it ignores {@code --nohazelcast} when {@code --nocluster} is also given
 * ({@code PayaraMicroImpl.configureHazelcast}), so {@code --nocluster} is replaced. Any other
 * {@code --clustermode} value stops the start-up with a message saying what is accepted, before
 * Payara Micro starts.
 */
final class ClusterOptions {

    private static final String MEMBER = "[A-Za-z0-9][A-Za-z0-9.\\-]*:[0-9]{1,5}";
    private static final Pattern TCPIP = Pattern.compile("tcpip:" + MEMBER + "(," + MEMBER + ")*");

    private ClusterOptions() {}

    /** The options for Payara Micro; throws with a readable message for a wrong cluster mode. */
    static List<String> apply(String[] args) {
        List<String> out = new ArrayList<>(List.of(args));
        int at = indexOf(out, "--clustermode");
        if (at < 0) {
            out.removeIf(a -> a.equalsIgnoreCase("--nocluster"));
            if (indexOf(out, "--nohazelcast") < 0) {
                out.add("--nohazelcast");
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
        if (indexOf(out, "--nocluster") >= 0 || indexOf(out, "--nohazelcast") >= 0) {
            throw new IllegalArgumentException(
                    "--clustermode excludes --nocluster and --nohazelcast");
        }
        if (indexOf(out, "--interfaces") < 0) {
            throw new IllegalArgumentException(
                    "--clustermode needs --interfaces <address>: the data grid has no"
                            + " authentication, so it binds only to the interfaces it is given"
                            + " (a private network)");
        }
        return out;
    }

    private static int indexOf(List<String> args, String name) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).toLowerCase(Locale.ROOT).equals(name)) {
                return i;
            }
        }
        return -1;
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
