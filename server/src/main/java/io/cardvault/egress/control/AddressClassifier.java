package io.cardvault.egress.control;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Decides whether an address is "special": anything that is not a plain public unicast address. The
 * forwarding proxy refuses such addresses so that a tenant's allowed host name cannot be pointed
 * (by DNS) at cardvault's own network, the cloud metadata service or the loopback.
 *
 * <p>IPv6 is judged by allow-list: only global unicast {@code 2000::/3} minus its special blocks
 * counts as public; mapped, NAT64 and 6to4 addresses are judged by the IPv4 address they wrap.
 */
public final class AddressClassifier {

    /** IPv4 blocks that are not public unicast: {prefix bytes..., prefix length}. */
    private static final int[][] SPECIAL_V4 = {
        {0, 0, 0, 0, 8}, // "this network", includes 0.0.0.0
        {10, 0, 0, 0, 8},
        {100, 64, 0, 0, 10}, // CGNAT shared address space
        {127, 0, 0, 0, 8},
        {169, 254, 0, 0, 16}, // link-local, includes 169.254.169.254 metadata
        {172, 16, 0, 0, 12},
        {192, 0, 0, 0, 24}, // IETF protocol assignments
        {192, 0, 2, 0, 24}, // TEST-NET-1
        {192, 88, 99, 0, 24}, // 6to4 relay anycast
        {192, 168, 0, 0, 16},
        {198, 18, 0, 0, 15}, // benchmarking
        {198, 51, 100, 0, 24}, // TEST-NET-2
        {203, 0, 113, 0, 24}, // TEST-NET-3
        {224, 0, 0, 0, 4}, // multicast
        {240, 0, 0, 0, 4}, // reserved, includes 255.255.255.255 broadcast
    };

    private AddressClassifier() {}

    public static boolean isSpecial(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return isSpecialV4(bytes);
        }
        if (address instanceof Inet6Address) {
            return isSpecialV6(bytes);
        }
        return true;
    }

    private static boolean isSpecialV4(byte[] b) {
        for (int[] block : SPECIAL_V4) {
            if (inPrefix(b, 0, block, block[4])) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSpecialV6(byte[] b) {
        if (startsWith(b, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff)) {
            return isSpecialV4(slice(b, 12)); // IPv4-mapped ::ffff:a.b.c.d
        }
        if (startsWith(b, 0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0)) {
            return isSpecialV4(slice(b, 12)); // NAT64 well-known prefix 64:ff9b::/96
        }
        if (startsWith(b, 0x20, 0x02)) {
            return isSpecialV4(slice(b, 2)); // 6to4 2002::/16 wraps an IPv4 address
        }
        if ((b[0] & 0xe0) != 0x20) {
            return true; // outside global unicast: ::, ::1, IPv4-compatible, fc00::/7, fe80::/10,
            // ff00::/8
        }
        return startsWith(b, 0x20, 0x01, 0x0d, 0xb8) // documentation 2001:db8::/32
                // IETF protocol assignments 2001::/23, includes Teredo 2001::/32 (hides an IPv4
                // address)
                || (startsWith(b, 0x20, 0x01) && (b[2] & 0xfe) == 0)
                || (startsWith(b, 0x3f, 0xff) && (b[2] & 0xf0) == 0); // documentation 3fff::/20
    }

    private static boolean inPrefix(byte[] address, int offset, int[] prefix, int bits) {
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >> (i % 8);
            int actual = address[offset + i / 8] & mask;
            int expected = prefix[i / 8] & mask;
            if (actual != expected) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] address, int... prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if ((address[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] slice(byte[] address, int from) {
        return new byte[] {address[from], address[from + 1], address[from + 2], address[from + 3]};
    }
}
