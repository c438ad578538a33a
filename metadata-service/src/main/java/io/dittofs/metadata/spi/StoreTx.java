package io.dittofs.metadata.spi;

import java.util.List;
import java.util.Optional;

/**
 * One atomic unit of work against a store. Everything a write transaction does becomes visible
 * together or not at all; a read transaction sees one consistent state. Implementations must not
 * let callers observe their own torn writes: reads inside a write transaction see its earlier writes.
 */
public interface StoreTx {

    Optional<Inode> inode(long id);

    void putInode(Inode inode);

    /** Deletes the inode and all its extended attributes. */
    void deleteInode(long id);

    Optional<DirEntry> entry(long dir, String name);

    /** Inserts or replaces the entry; the caller removed any previous entry of that name first. */
    void putEntry(long dir, DirEntry entry);

    void deleteEntry(long dir, DirEntry entry);

    /** Entries of a directory with cookie &gt; afterCookie, in cookie order, at most limit of them. */
    List<DirEntry> entries(long dir, long afterCookie, int limit);

    /**
     * {@link #entries} with each entry's inode, for listings with attributes. The default asks
     * for each inode in turn; a store with joins (SQL) should answer in one round trip.
     */
    default List<Listed> entriesWithInodes(long dir, long afterCookie, int limit) {
        return entries(dir, afterCookie, limit).stream()
                .map(e -> new Listed(e, inode(e.child()).orElse(null)))
                .toList();
    }

    Optional<byte[]> xattr(long id, String name);

    void putXattr(long id, String name, byte[] value);

    void deleteXattr(long id, String name);

    /** All xattr names of an inode, sorted by their UTF-8 bytes. */
    List<String> xattrNames(long id);

    Optional<byte[]> meta(String key);

    void putMeta(String key, byte[] value);

    void deleteMeta(String key);

    /**
     * The content outbox (see {@link Release}): the pending size of a payload, or empty. Stores
     * keep it in the same atomic unit as the namespace, so an entry commits or rolls back with
     * the operation that released the content.
     */
    Optional<Long> pendingRelease(byte[] payloadId);

    /** Sets the payload's pending entry (the caller merged it with any earlier one). */
    void putRelease(Release release);

    /** Removes the payload's entry, if any. */
    void deleteRelease(byte[] payloadId);

    /** Up to {@code limit} pending entries, in payload id order (unsigned bytes). */
    List<Release> releases(int limit);

    /** A fresh inode number, never handed out before in this store (gaps are allowed). */
    long allocateId();
}
