// inet and cidr (network.c inet_send/inet_recv) as Inet or InetAddress.
package org.psycopg.r2dbc.codec.builtin;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.List;

import org.psycopg.r2dbc.codec.Codec;
import org.psycopg.r2dbc.codec.CodecRegistry;
import org.psycopg.r2dbc.codec.Decoding;
import org.psycopg.r2dbc.codec.Format;
import org.psycopg.r2dbc.codec.Inet;
import org.psycopg.r2dbc.codec.Oids;
import org.psycopg.r2dbc.codec.ValueWriter;

/**
 * inet and cidr: binary is family (2 for IPv4, 3 for IPv6), netmask bits, is-cidr flag, address
 * length, then the address bytes; text is the address with {@code /bits}. {@link Inet} is the
 * default; {@code InetAddress} reads the address alone. Both bind as inet.
 */
final class InetCodec<T> implements Codec<T> {

    private static final int PGSQL_AF_INET = 2;
    private static final int PGSQL_AF_INET6 = 3;

    private final Class<T> type;
    private final boolean isDefault;

    private InetCodec(Class<T> type, boolean isDefault) {
        this.type = type;
        this.isDefault = isDefault;
    }

    static List<Codec<?>> all() {
        return List.of(new InetCodec<>(InetAddress.class, false), new InetCodec<>(Inet.class, true));
    }

    @Override
    public Class<T> javaType() {
        return type;
    }

    @Override
    public List<Decoding> decodings() {
        return isDefault ? List.of(Decoding.defaultFor(Oids.INET), Decoding.defaultFor(Oids.CIDR))
                : List.of(Decoding.of(Oids.INET), Decoding.of(Oids.CIDR));
    }

    @Override
    public T decode(int oid, Format format, ByteBuffer bytes, Class<?> asked, CodecRegistry registry) {
        Inet inet = format == Format.BINARY ? read(bytes) : Inet.parse(Bytes.utf8(bytes));
        return type.cast(type == Inet.class ? inet : inet.address());
    }

    private static Inet read(ByteBuffer b) {
        int at = b.position();
        if (b.remaining() < 4) {
            throw new IllegalArgumentException("A binary inet has at least 4 bytes");
        }
        int family = b.get(at);
        int bits = b.get(at + 1) & 0xFF;
        int length = b.get(at + 3) & 0xFF;
        if ((family != PGSQL_AF_INET || length != 4) && (family != PGSQL_AF_INET6 || length != 16) || b.remaining() != 4 + length) {
            throw new IllegalArgumentException("Invalid binary inet: family " + family + ", " + length + " address bytes");
        }
        byte[] address = new byte[length];
        b.get(at + 4, address);
        try {
            InetAddress a = length == 4 ? InetAddress.getByAddress(address) : Inet6Address.getByAddress(null, address, -1);
            return new Inet(a, bits);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Invalid binary inet", e);
        }
    }

    @Override
    public List<Class<?>> encodedClasses() {
        return List.of(type);
    }

    @Override
    public int typeOid(Class<?> valueClass, CodecRegistry registry) {
        return Oids.INET;
    }

    @Override
    public void encode(T value, ValueWriter out, CodecRegistry registry) {
        Inet inet = value instanceof Inet ? (Inet) value : Inet.of((InetAddress) value);
        byte[] address = inet.address().getAddress();
        out.writeByte(address.length == 4 ? PGSQL_AF_INET : PGSQL_AF_INET6);
        out.writeByte(inet.netmask());
        out.writeByte(0);
        out.writeByte(address.length);
        out.writeBytes(address, 0, address.length);
    }

    @Override
    public String text(T value, CodecRegistry registry) {
        return (value instanceof Inet ? (Inet) value : Inet.of((InetAddress) value)).toString();
    }
}
