package io.dittofs.gateway.nfs.v4.attr;

import io.dittofs.gateway.fs.model.FileAttr;
import io.dittofs.gateway.fs.model.FsStat;

import java.util.function.Supplier;

/**
 * What GETATTR and READDIR encode one object from.
 *
 * @param fh             the object's nfs_fh4 bytes
 * @param fsidMajor      fsid4.major
 * @param fsidMinor      fsid4.minor
 * @param mountedOnFileid the fileid of the pseudo directory a share root is mounted on, else the fileid
 * @param stat           space figures, asked only when a space attribute is requested (null: none)
 */
/** @param xattrs the object's file system keeps extended attributes (xattr_support; pseudo directories do not) */
public record AttrSource(FileAttr attr, byte[] fh, long fsidMajor, long fsidMinor, long mountedOnFileid,
                         Supplier<FsStat> stat, boolean xattrs) {

    public AttrSource(FileAttr attr, byte[] fh, long fsidMajor, long fsidMinor, long mountedOnFileid,
                      Supplier<FsStat> stat) {
        this(attr, fh, fsidMajor, fsidMinor, mountedOnFileid, stat, true);
    }
}
