// The operating-system account that runs initdb and postgres: this process's, or nobody's when that is root.
package org.psycopg.r2dbc.embedded;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Who the server runs as. PostgreSQL refuses to run as root, so a root JVM runs {@code initdb} and
 * {@code postgres} as {@code nobody} through {@code setpriv}, and hands the server's folders to that
 * account; any other JVM runs them as itself and changes no ownership.
 */
final class ServerAccount {

    private static final String UNPRIVILEGED_USER = "nobody";

    private final String name;
    private final List<String> commandPrefix;
    private final UserPrincipal owner;
    private final GroupPrincipal group;

    private ServerAccount(String name, List<String> commandPrefix, UserPrincipal owner, GroupPrincipal group) {
        this.name = name;
        this.commandPrefix = commandPrefix;
        this.owner = owner;
        this.group = group;
    }

    /** The account for servers started by this JVM. */
    static ServerAccount forThisProcess() throws IOException {
        if (!isRoot()) {
            return new ServerAccount(System.getProperty("user.name"), List.of(), null, null);
        }
        Path setpriv = findOnPath("setpriv").orElseThrow(() -> new IOException(
                "PostgreSQL refuses to run as root and setpriv (util-linux) is not on the PATH to run it as "
                        + UNPRIVILEGED_USER));
        UserPrincipalLookupService lookup = FileSystems.getDefault().getUserPrincipalLookupService();
        UserPrincipal owner = lookup.lookupPrincipalByName(UNPRIVILEGED_USER);
        GroupPrincipal group;
        try {
            group = lookup.lookupPrincipalByGroupName("nogroup");
        } catch (UserPrincipalNotFoundException e) {
            group = lookup.lookupPrincipalByGroupName(UNPRIVILEGED_USER);
        }
        List<String> prefix = List.of(setpriv.toString(), "--reuid=" + UNPRIVILEGED_USER, "--regid=" + group.getName(),
                "--clear-groups", "--");
        return new ServerAccount(UNPRIVILEGED_USER, prefix, owner, group);
    }

    /** The account's user name. */
    String name() {
        return name;
    }

    /** {@code command} as this account runs it; the process keeps the pid that {@code command} gets. */
    List<String> command(List<String> command) {
        List<String> full = new ArrayList<>(commandPrefix);
        full.addAll(command);
        return full;
    }

    /** Gives {@code path}, and everything under it, to this account (symbolic links are not followed). */
    void own(Path path) throws IOException {
        if (owner == null) {
            return;
        }
        try (Stream<Path> tree = Files.walk(path)) {
            for (Path each : (Iterable<Path>) tree::iterator) {
                PosixFileAttributeView view =
                        Files.getFileAttributeView(each, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
                view.setOwner(owner);
                view.setGroup(group);
            }
        }
    }

    private static boolean isRoot() {
        if ("root".equals(System.getProperty("user.name"))) {
            return true;
        }
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static Optional<Path> findOnPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        return Stream.concat(Stream.of(path.split(":")), Stream.of("/usr/bin", "/bin", "/usr/sbin", "/sbin"))
                .filter(folder -> !folder.isEmpty())
                .map(folder -> Path.of(folder, program))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
