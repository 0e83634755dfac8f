// An IP address with its netmask length: PostgreSQL's inet and cidr values.
package org.psycopg.r2dbc.codec;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;

/**
 * An inet or cidr value: an IPv4 or IPv6 address and the length of its netmask in bits. Binds as
 * inet (which the server casts to cidr on assignment). Immutable.
 *
 * @param address the address
 * @param netmask the netmask length: 0 to 32 for IPv4, 0 to 128 for IPv6
 */
public record Inet(InetAddress address, int netmask) {

    public Inet {
        Objects.requireNonNull(address, "address");
        if (netmask < 0 || netmask > maxBits(address)) {
            throw new IllegalArgumentException("Netmask /" + netmask + " is invalid for " + address.getHostAddress());
        }
    }

    /** A host address: the netmask covers all its bits. */
    public static Inet of(InetAddress address) {
        return new Inet(address, maxBits(address));
    }

    static int maxBits(InetAddress address) {
        return address.getAddress().length * 8;
    }

    /** Whether the netmask covers the whole address, which inet's text then leaves out. */
    public boolean isHost() {
        return netmask == maxBits(address);
    }

    /**
     * Reads inet_out's or cidr_out's text: an address, optionally {@code /netmask}.
     *
     * @throws IllegalArgumentException when the text is not an IP address literal
     */
    public static Inet parse(String text) {
        String s = text.trim();
        int slash = s.indexOf('/');
        String literal = slash < 0 ? s : s.substring(0, slash);
        if (literal.isEmpty() || !literal.matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException("Not an IP address: '" + text + "'");
        }
        try {
            InetAddress address = InetAddress.getByName(literal); // a literal: no name lookup
            if (literal.indexOf(':') >= 0 && address instanceof Inet4Address) {
                address = ipv4Mapped(address);
            }
            return slash < 0 ? of(address) : new Inet(address, Integer.parseInt(s.substring(slash + 1)));
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("Not an IP address: '" + text + "'", e);
        }
    }

    /** The IPv6 form {@code ::ffff:a.b.c.d} of an IPv4 address, which Java would otherwise turn into IPv4. */
    static InetAddress ipv4Mapped(InetAddress v4) throws UnknownHostException {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xFF;
        mapped[11] = (byte) 0xFF;
        System.arraycopy(v4.getAddress(), 0, mapped, 12, 4);
        return Inet6Address.getByAddress(null, mapped, -1);
    }

    /** As inet_out writes it: the address, and {@code /netmask} unless it covers the whole address. */
    @Override
    public String toString() {
        String host = address.getHostAddress();
        int zone = host.indexOf('%');
        if (zone >= 0) {
            host = host.substring(0, zone);
        }
        if (host.indexOf(':') >= 0) {
            host = compressIpv6(host);
        }
        return isHost() ? host : host + "/" + netmask;
    }

    /** The shortest IPv6 form, as PostgreSQL writes it: the longest run of zero groups as "::". */
    private static String compressIpv6(String full) {
        String[] groups = full.split(":");
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < groups.length; ) {
            if (groups[i].equals("0")) {
                int j = i;
                while (j < groups.length && groups[j].equals("0")) {
                    j++;
                }
                if (j - i > bestLength && j - i > 1) {
                    bestStart = i;
                    bestLength = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        if (bestStart < 0) {
            return full;
        }
        String head = String.join(":", Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
        return head + "::" + tail;
    }
}
