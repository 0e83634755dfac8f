// The geometric types (geo_ops.c *_send/*_recv, *_out/*_in) as the Point, Line... value types.
package org.psycopg.r2dbc.codec.builtin;

import static org.psycopg.r2dbc.codec.Oids.*;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.psycopg.r2dbc.codec.Box;
import org.psycopg.r2dbc.codec.Circle;
import org.psycopg.r2dbc.codec.Codec;
import org.psycopg.r2dbc.codec.CodecRegistry;
import org.psycopg.r2dbc.codec.Decoding;
import org.psycopg.r2dbc.codec.Format;
import org.psycopg.r2dbc.codec.Line;
import org.psycopg.r2dbc.codec.LineSegment;
import org.psycopg.r2dbc.codec.Path;
import org.psycopg.r2dbc.codec.Point;
import org.psycopg.r2dbc.codec.Polygon;
import org.psycopg.r2dbc.codec.ValueWriter;

/**
 * One geometric type as its value type. Binary forms are float8s in order: point x, y; line A, B, C;
 * lseg the two points; box the upper-right then the lower-left corner; circle center then radius;
 * path a closed flag byte, an int32 point count, the points; polygon an int32 count, the points.
 * Text forms are read number by number (the brackets tell only a path's openness) and written as the
 * output functions write them.
 */
final class GeometricCodec<T> implements Codec<T> {

    private final Class<T> type;
    private final int oid;
    private final Function<Numbers8, T> read;
    private final BiConsumer<T, List<Double>> numbers;
    private final Function<T, String> text;
    private final BiConsumer<T, ValueWriter> header;

    private GeometricCodec(Class<T> type, int oid, Function<Numbers8, T> read, BiConsumer<T, ValueWriter> header,
                           BiConsumer<T, List<Double>> numbers, Function<T, String> text) {
        this.type = type;
        this.oid = oid;
        this.read = read;
        this.header = header;
        this.numbers = numbers;
        this.text = text;
    }

    static List<Codec<?>> all() {
        return List.of(
                new GeometricCodec<>(Point.class, POINT, n -> n.point(), null,
                        (v, out) -> point(v, out), v -> point(new StringBuilder(), v).toString()),
                new GeometricCodec<>(Line.class, LINE, n -> new Line(n.next(), n.next(), n.next()), null,
                        (v, out) -> {
                            out.add(v.a());
                            out.add(v.b());
                            out.add(v.c());
                        },
                        v -> "{" + f(v.a()) + "," + f(v.b()) + "," + f(v.c()) + "}"),
                new GeometricCodec<>(LineSegment.class, LSEG, n -> new LineSegment(n.point(), n.point()), null,
                        (v, out) -> {
                            point(v.start(), out);
                            point(v.end(), out);
                        },
                        v -> points(new StringBuilder("["), List.of(v.start(), v.end())).append(']').toString()),
                new GeometricCodec<>(Box.class, BOX, n -> new Box(n.point(), n.point()), null,
                        (v, out) -> {
                            point(v.upperRight(), out);
                            point(v.lowerLeft(), out);
                        },
                        v -> points(new StringBuilder(), List.of(v.upperRight(), v.lowerLeft())).toString()),
                new GeometricCodec<>(Circle.class, CIRCLE, n -> new Circle(n.point(), n.next()), null,
                        (v, out) -> {
                            point(v.center(), out);
                            out.add(v.radius());
                        },
                        v -> point(new StringBuilder("<"), v.center()).append(',').append(f(v.radius())).append('>').toString()),
                new GeometricCodec<>(Path.class, PATH, n -> new Path(n.rest(), n.closed), (v, out) -> {
                    out.writeByte(v.closed() ? 1 : 0);
                    out.writeInt(v.points().size());
                }, (v, out) -> v.points().forEach(p -> point(p, out)),
                        v -> points(new StringBuilder(v.closed() ? "(" : "["), v.points()).append(v.closed() ? ')' : ']').toString()),
                new GeometricCodec<>(Polygon.class, POLYGON, n -> new Polygon(n.rest()), (v, out) -> out.writeInt(v.points().size()),
                        (v, out) -> v.points().forEach(p -> point(p, out)),
                        v -> points(new StringBuilder("("), v.points()).append(')').toString()));
    }

    private static void point(Point p, List<Double> out) {
        out.add(p.x());
        out.add(p.y());
    }

    private static String f(double d) {
        return Numbers.float8Text(d);
    }

    private static StringBuilder point(StringBuilder s, Point p) {
        return s.append('(').append(f(p.x())).append(',').append(f(p.y())).append(')');
    }

    private static StringBuilder points(StringBuilder s, List<Point> points) {
        for (int i = 0; i < points.size(); i++) {
            if (i > 0) {
                s.append(',');
            }
            point(s, points.get(i));
        }
        return s;
    }

    @Override
    public Class<T> javaType() {
        return type;
    }

    @Override
    public List<Decoding> decodings() {
        return List.of(Decoding.defaultFor(oid));
    }

    @Override
    public T decode(int oid, Format format, ByteBuffer bytes, Class<?> asked, CodecRegistry registry) {
        Numbers8 n = format == Format.BINARY ? Numbers8.binary(oid, bytes) : Numbers8.text(Bytes.utf8(bytes));
        T value = read.apply(n);
        n.end();
        return value;
    }

    @Override
    public List<Class<?>> encodedClasses() {
        return List.of(type);
    }

    @Override
    public int typeOid(Class<?> valueClass, CodecRegistry registry) {
        return oid;
    }

    @Override
    public void encode(T value, ValueWriter out, CodecRegistry registry) {
        if (header != null) {
            header.accept(value, out);
        }
        List<Double> values = new ArrayList<>();
        numbers.accept(value, values);
        for (double d : values) {
            out.writeDouble(d);
        }
    }

    @Override
    public String text(T value, CodecRegistry registry) {
        return text.apply(value);
    }

    /** The float8s of one value, read in order, and a path's closed flag. */
    private static final class Numbers8 {
        private final List<Double> values;
        private final boolean closed;
        private int next;

        private Numbers8(List<Double> values, boolean closed) {
            this.values = values;
            this.closed = closed;
        }

        static Numbers8 binary(int oid, ByteBuffer b) {
            int at = b.position();
            boolean closed = false;
            if (oid == PATH) {
                closed = b.get(at) != 0;
                at += 5;
            } else if (oid == POLYGON) {
                at += 4;
            }
            if ((b.limit() - at) % 8 != 0) {
                throw new IllegalArgumentException("A binary geometric value holds whole float8s");
            }
            List<Double> values = new ArrayList<>();
            for (; at < b.limit(); at += 8) {
                values.add(b.getDouble(at));
            }
            return new Numbers8(values, closed);
        }

        static Numbers8 text(String s) {
            String trimmed = s.trim();
            boolean closed = !trimmed.startsWith("[");
            List<Double> values = new ArrayList<>();
            for (String token : trimmed.replaceAll("[()\\[\\]{}<>]", " ").split(",")) {
                values.add(Numbers.parseFloat8(token.trim()));
            }
            return new Numbers8(values, closed);
        }

        double next() {
            if (next >= values.size()) {
                throw new IllegalArgumentException("Too few numbers for a geometric value");
            }
            return values.get(next++);
        }

        Point point() {
            return new Point(next(), next());
        }

        List<Point> rest() {
            List<Point> points = new ArrayList<>();
            while (next < values.size()) {
                points.add(point());
            }
            return points;
        }

        void end() {
            if (next != values.size()) {
                throw new IllegalArgumentException("Too many numbers for a geometric value");
            }
        }
    }
}
