package com.zeues.occupation.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The valid tokens of one kind (admin or device): fixed from configuration, or read from a file that is re-read as
 * soon as it changes, so a token is rotated by rewriting the file, without a restart. Every non-blank line of the
 * file not starting with {@code #} is a token (two lines let the old and the new token overlap during a rotation).
 * Tokens are held as SHA-256 digests and a presented token is compared with every one of them in constant time, so
 * the timing shows neither its length nor which token matched.
 */
public final class TokenSet {

    private static final Logger log = LoggerFactory.getLogger(TokenSet.class);

    private final String kind;
    private final Path file;
    private volatile Snapshot current;

    /** What was read, and the file's identity when it was read: a change of any part means "read again". */
    private record Snapshot(Object stamp, List<byte[]> digests) {
    }

    /** Size, modification time and inode: an atomic replace changes the inode even within one mtime tick. */
    private record Stamp(long size, long modifiedNanos, Object fileKey) {
    }

    private TokenSet(String kind, Path file, List<byte[]> fixed) {
        this.kind = kind;
        this.file = file;
        this.current = new Snapshot(null, fixed);
    }

    /** Tokens given in configuration; blank ones are ignored. */
    public static TokenSet fixed(String kind, List<String> tokens) {
        return new TokenSet(kind, null, tokens.stream().filter(t -> t != null && !t.isBlank())
                .map(t -> digest(t.strip())).toList());
    }

    /** Tokens kept in {@code file}, re-read whenever it changes. A missing or empty file admits nobody. */
    public static TokenSet file(String kind, Path file) {
        TokenSet set = new TokenSet(kind, Objects.requireNonNull(file), List.of());
        set.current = new Snapshot(new Object(), List.of()); // forces the first read
        set.refresh();
        return set;
    }

    /**
     * Whether tokens of this kind are required at all: always for a file (an emptied or deleted file refuses every
     * request rather than opening the API), otherwise when configuration gave at least one.
     */
    public boolean required() {
        return file != null || !current.digests().isEmpty();
    }

    /** Whether {@code presented} is one of the current tokens; null or blank never is. */
    public boolean matches(String presented) {
        List<byte[]> digests = refresh();
        if (presented == null || presented.isBlank()) {
            return false;
        }
        byte[] candidate = digest(presented.strip());
        boolean match = false;
        for (byte[] d : digests) {
            match |= MessageDigest.isEqual(d, candidate); // no early exit: every token costs the same
        }
        return match;
    }

    /** The current digests, after re-reading the file if its stamp changed since the last read. */
    private List<byte[]> refresh() {
        Snapshot seen = current;
        if (file == null) {
            return seen.digests();
        }
        Object stamp = stamp();
        if (Objects.equals(stamp, seen.stamp())) {
            return seen.digests();
        }
        List<byte[]> digests = read();
        current = new Snapshot(stamp, digests);
        return digests;
    }

    private Object stamp() {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(a.size(), a.lastModifiedTime().toInstant().getEpochSecond() * 1_000_000_000L
                    + a.lastModifiedTime().toInstant().getNano(), a.fileKey());
        } catch (IOException e) {
            return "missing"; // stays missing until the file appears: read (and logged) once
        }
    }

    private List<byte[]> read() {
        try {
            List<byte[]> digests = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(TokenSet::digest)
                    .toList();
            if (digests.isEmpty()) {
                log.warn("{} token file {} holds no token: every {} request is refused", kind, file, kind);
            } else {
                log.info("{} tokens read from {} ({} token(s))", kind, file, digests.size());
            }
            return digests;
        } catch (IOException e) {
            log.warn("{} token file {} cannot be read ({}): every {} request is refused", kind, file, e.toString(),
                    kind);
            return List.of();
        }
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
