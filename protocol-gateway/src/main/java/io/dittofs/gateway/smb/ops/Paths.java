package io.dittofs.gateway.smb.ops;

import io.dittofs.gateway.fs.FileSystem;
import io.dittofs.gateway.fs.model.DirEntry;
import io.dittofs.gateway.fs.model.DirPage;
import io.dittofs.gateway.fs.model.DirQuery;
import io.dittofs.gateway.fs.model.FileAttr;
import io.dittofs.gateway.fs.model.FileType;
import io.dittofs.gateway.fs.model.FsStatus;
import io.dittofs.gateway.fs.model.Handle;
import io.dittofs.gateway.fs.model.LookupResult;
import io.dittofs.gateway.identity.Principal;
import io.dittofs.gateway.smb.SmbStatus;
import io.dittofs.gateway.smb.wire.NtStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * Share-relative SMB paths ({@code dir\sub\name}) walked through the facade. Names are matched
 * exactly, then case-insensitively (Windows clients do not keep case), so a file created as
 * {@code Foo} opens as {@code foo}.
 */
final class Paths {

    /** A walked path: the parent directory, the leaf's name (as stored when found) and the leaf if it exists. */
    record Resolved(int status, Handle parent, String name, Handle handle, FileAttr attr) {
        boolean exists() {
            return handle != null;
        }
    }

    /** Pages scanned for a case-insensitive match before giving up (bounds the cost of a miss). */
    private static final int MAX_SCAN_PAGES = 64;

    private Paths() {
    }

    /** The components of a path, or null when the syntax is invalid (status in {@link #syntax}). */
    static List<String> split(String path) {
        List<String> out = new ArrayList<>();
        if (path.isEmpty()) {
            return out;
        }
        String p = path.endsWith("\\") ? path.substring(0, path.length() - 1) : path;
        for (String c : p.split("\\\\", -1)) {
            out.add(c);
        }
        return out;
    }

    /** NTSTATUS for a bad path, or SUCCESS. */
    static int syntax(String path) {
        if (path.startsWith("\\")) {
            return NtStatus.INVALID_PARAMETER;
        }
        for (String c : split(path)) {
            if (c.isEmpty() || c.equals(".") || c.equals("..")) {
                return NtStatus.OBJECT_NAME_INVALID;
            }
            if (c.length() > 255) {
                return NtStatus.OBJECT_NAME_INVALID;
            }
            for (int i = 0; i < c.length(); i++) {
                char ch = c.charAt(i);
                if (ch < 0x20 || "\"*/:<>?|".indexOf(ch) >= 0) {
                    return NtStatus.OBJECT_NAME_INVALID;
                }
            }
        }
        return NtStatus.SUCCESS;
    }

    /** A search pattern: one name component, wildcards allowed. */
    static int syntaxOfPattern(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char ch = pattern.charAt(i);
            if (ch < 0x20 || ch == '\\' || ch == '/' || ch == ':' || ch == '|') {
                return NtStatus.OBJECT_NAME_INVALID;
            }
        }
        return NtStatus.SUCCESS;
    }

    static Resolved resolve(FileSystem fs, Principal who, Handle root, FileAttr rootAttr, String path) {
        List<String> parts = split(path);
        if (parts.isEmpty()) {
            return new Resolved(NtStatus.SUCCESS, null, "", root, rootAttr);
        }
        Handle dir = root;
        for (int i = 0; i < parts.size() - 1; i++) {
            Found l = lookup(fs, who, dir, parts.get(i));
            if (!l.status().ok()) {
                return new Resolved(l.status() == FsStatus.NOENT || l.status() == FsStatus.NOTDIR
                        ? NtStatus.OBJECT_PATH_NOT_FOUND : SmbStatus.of(l.status()), null, null, null, null);
            }
            if (l.attr() != null && l.attr().type() != FileType.DIRECTORY) {
                return new Resolved(NtStatus.OBJECT_PATH_NOT_FOUND, null, null, null, null);
            }
            dir = l.handle();
        }
        String leaf = parts.get(parts.size() - 1);
        Found l = lookup(fs, who, dir, leaf);
        if (l.status() == FsStatus.NOENT) {
            return new Resolved(NtStatus.SUCCESS, dir, leaf, null, null);
        }
        if (!l.status().ok()) {
            return new Resolved(SmbStatus.of(l.status()), dir, leaf, null, null);
        }
        return new Resolved(NtStatus.SUCCESS, dir, l.name(), l.result().handle(), l.result().attr());
    }

    private record Found(LookupResult result, String name) {
        FsStatus status() {
            return result.status();
        }

        FileAttr attr() {
            return result.attr();
        }

        Handle handle() {
            return result.handle();
        }
    }

    private static Found lookup(FileSystem fs, Principal who, Handle dir, String name) {
        LookupResult exact = fs.lookup(who, dir, name);
        if (exact.status() != FsStatus.NOENT) {
            return new Found(exact, name);
        }
        long cookie = 0;
        byte[] verifier = new byte[0];
        for (int page = 0; page < MAX_SCAN_PAGES; page++) {
            DirPage p = fs.readDir(who, dir, new DirQuery(cookie, verifier, 1024, false, false));
            if (!p.status().ok()) {
                return new Found(exact, name);
            }
            for (DirEntry e : p.entries()) {
                if (e.name().equalsIgnoreCase(name)) {
                    return new Found(fs.lookup(who, dir, e.name()), e.name());
                }
                cookie = e.cookie();
            }
            if (p.eof() || p.entries().isEmpty()) {
                break;
            }
            verifier = p.verifier();
        }
        return new Found(exact, name);
    }
}
