package io.dittofs.gateway.fs.grpc;

import static io.dittofs.gateway.fs.grpc.CommonMapper.content;
import static io.dittofs.gateway.fs.grpc.CommonMapper.time;

import com.google.protobuf.ByteString;
import io.dittofs.contracts.metadata.v1.Attr;
import io.dittofs.contracts.metadata.v1.CreateRequest;
import io.dittofs.contracts.metadata.v1.ReadDirResponse;
import io.dittofs.gateway.fs.model.CreateMode;
import io.dittofs.gateway.fs.model.CreateSpec;
import io.dittofs.gateway.fs.model.DirEntry;
import io.dittofs.gateway.fs.model.DirPage;
import io.dittofs.gateway.fs.model.FileAttr;
import io.dittofs.gateway.fs.model.FileType;
import io.dittofs.gateway.fs.model.RemoveKind;
import io.dittofs.gateway.fs.model.SetAttrs;
import io.dittofs.gateway.fs.model.SetTime;
import io.dittofs.gateway.fs.model.Time;
import io.dittofs.gateway.fs.model.Wcc;
import io.dittofs.gateway.fs.model.WccAttr;
import java.util.ArrayList;
import java.util.List;

/** The metadata contract's types to and from the model; every enum mapped value by value. */
final class NamespaceMapper {

    private NamespaceMapper() {
    }

    static FileType type(io.dittofs.contracts.common.v1.FileType t) {
        return switch (t) {
            case REGULAR -> FileType.REGULAR;
            case DIRECTORY -> FileType.DIRECTORY;
            case SYMLINK -> FileType.SYMLINK;
            case BLOCK_DEVICE -> FileType.BLOCK_DEVICE;
            case CHAR_DEVICE -> FileType.CHAR_DEVICE;
            case SOCKET -> FileType.SOCKET;
            case FIFO -> FileType.FIFO;
            case FILE_TYPE_UNSPECIFIED, NAMED_ATTR_DIR, NAMED_ATTR, UNRECOGNIZED -> FileType.OTHER;
        };
    }

    static io.dittofs.contracts.common.v1.FileType type(FileType t) {
        return switch (t) {
            case REGULAR -> io.dittofs.contracts.common.v1.FileType.REGULAR;
            case DIRECTORY -> io.dittofs.contracts.common.v1.FileType.DIRECTORY;
            case SYMLINK -> io.dittofs.contracts.common.v1.FileType.SYMLINK;
            case BLOCK_DEVICE -> io.dittofs.contracts.common.v1.FileType.BLOCK_DEVICE;
            case CHAR_DEVICE -> io.dittofs.contracts.common.v1.FileType.CHAR_DEVICE;
            case SOCKET -> io.dittofs.contracts.common.v1.FileType.SOCKET;
            case FIFO -> io.dittofs.contracts.common.v1.FileType.FIFO;
            case OTHER -> throw new IllegalArgumentException("cannot create an object of an unknown type");
        };
    }

    static io.dittofs.contracts.metadata.v1.CreateMode mode(CreateMode m) {
        return switch (m) {
            case UNCHECKED -> io.dittofs.contracts.metadata.v1.CreateMode.UNCHECKED;
            case GUARDED -> io.dittofs.contracts.metadata.v1.CreateMode.GUARDED;
            case EXCLUSIVE -> io.dittofs.contracts.metadata.v1.CreateMode.EXCLUSIVE;
        };
    }

    static io.dittofs.contracts.metadata.v1.RemoveKind kind(RemoveKind k) {
        return switch (k) {
            case ANY -> io.dittofs.contracts.metadata.v1.RemoveKind.REMOVE_ANY;
            case NON_DIRECTORY -> io.dittofs.contracts.metadata.v1.RemoveKind.REMOVE_NON_DIR;
            case DIRECTORY -> io.dittofs.contracts.metadata.v1.RemoveKind.REMOVE_DIR;
        };
    }

    /** null when the service sent none (or an attribute set without a type). */
    static FileAttr attr(Attr a) {
        if (a.getType() == io.dittofs.contracts.common.v1.FileType.FILE_TYPE_UNSPECIFIED) {
            return null;
        }
        return new FileAttr(type(a.getType()), a.getMode() & 07777, a.getNlink(), a.getUid(), a.getGid(), a.getSize(),
                a.getSpaceUsed(), a.getRdevMajor(), a.getRdevMinor(), a.getFsid(), a.getFileid(), time(a.getAtime()),
                time(a.getMtime()), time(a.getCtime()), a.getChange(), a.hasPayloadId() ? content(a.getPayloadId()) : null,
                a.hasBtime() ? time(a.getBtime()) : Time.ZERO, a.getDosAttributes(), a.getHasAcl(),
                a.hasAcl() ? acl(a.getAcl()) : null);
    }

    static io.dittofs.gateway.fs.model.Acl acl(io.dittofs.contracts.common.v1.Acl acl) {
        var aces = new java.util.ArrayList<io.dittofs.gateway.fs.model.Acl.Ace>(acl.getAcesCount());
        for (var a : acl.getAcesList()) {
            io.dittofs.gateway.fs.model.Acl.Who who = switch (a.getWhoCase()) {
                case UID -> io.dittofs.gateway.fs.model.Acl.Who.UID;
                case GID -> io.dittofs.gateway.fs.model.Acl.Who.GID;
                case SID -> io.dittofs.gateway.fs.model.Acl.Who.SID;
                default -> switch (a.getSpecial()) {
                    case OWNER -> io.dittofs.gateway.fs.model.Acl.Who.OWNER;
                    case GROUP -> io.dittofs.gateway.fs.model.Acl.Who.GROUP;
                    default -> io.dittofs.gateway.fs.model.Acl.Who.EVERYONE;
                };
            };
            int id = a.getWhoCase() == io.dittofs.contracts.common.v1.Ace.WhoCase.UID ? a.getUid()
                    : a.getWhoCase() == io.dittofs.contracts.common.v1.Ace.WhoCase.GID ? a.getGid() : 0;
            aces.add(new io.dittofs.gateway.fs.model.Acl.Ace(a.getTypeValue(), a.getFlags(), a.getMask(), who, id,
                    a.getWhoCase() == io.dittofs.contracts.common.v1.Ace.WhoCase.SID ? a.getSid() : null));
        }
        return new io.dittofs.gateway.fs.model.Acl(aces, acl.getNullDacl());
    }

    static io.dittofs.contracts.common.v1.Acl acl(io.dittofs.gateway.fs.model.Acl acl) {
        var b = io.dittofs.contracts.common.v1.Acl.newBuilder().setNullDacl(acl.nullDacl());
        for (var a : acl.aces()) {
            var ace = io.dittofs.contracts.common.v1.Ace.newBuilder().setTypeValue(a.type()).setFlags(a.flags())
                    .setMask(a.mask());
            switch (a.who()) {
                case UID -> ace.setUid(a.id());
                case GID -> ace.setGid(a.id());
                case OWNER -> ace.setSpecial(io.dittofs.contracts.common.v1.Ace.SpecialWho.OWNER);
                case GROUP -> ace.setSpecial(io.dittofs.contracts.common.v1.Ace.SpecialWho.GROUP);
                case EVERYONE -> ace.setSpecial(io.dittofs.contracts.common.v1.Ace.SpecialWho.EVERYONE);
                case SID -> ace.setSid(a.sid());
            }
            b.addAces(ace);
        }
        return b.build();
    }

    static FileAttr attr(boolean present, Attr a) {
        return present ? attr(a) : null;
    }

    static Wcc wcc(boolean present, io.dittofs.contracts.metadata.v1.Wcc w) {
        if (!present) {
            return Wcc.NONE;
        }
        WccAttr before = w.hasBefore() ? new WccAttr(w.getBefore().getSize(), time(w.getBefore().getMtime()),
                time(w.getBefore().getCtime())) : null;
        return new Wcc(before, attr(w.hasAfter(), w.getAfter()));
    }

    static io.dittofs.contracts.metadata.v1.SetAttrs setAttrs(SetAttrs s) {
        var b = io.dittofs.contracts.metadata.v1.SetAttrs.newBuilder();
        if (s.mode() != null) {
            b.setMode(s.mode());
        }
        if (s.uid() != null) {
            b.setUid(s.uid());
        }
        if (s.gid() != null) {
            b.setGid(s.gid());
        }
        if (s.size() != null) {
            b.setSize(s.size());
        }
        if (s.atime() != null) {
            b.setAtime(setTime(s.atime()));
        }
        if (s.mtime() != null) {
            b.setMtime(setTime(s.mtime()));
        }
        if (s.btime() != null) {
            b.setBtime(setTime(s.btime()));
        }
        if (s.dosAttributes() != null) {
            b.setDosAttributes(s.dosAttributes());
        }
        if (s.acl() != null) {
            b.setAcl(acl(s.acl())).setSetAcl(true);
        }
        return b.build();
    }

    private static io.dittofs.contracts.metadata.v1.SetTime setTime(SetTime t) {
        var b = io.dittofs.contracts.metadata.v1.SetTime.newBuilder();
        return switch (t) {
            case SetTime.ServerTime s -> b.setServerTime(true).build();
            case SetTime.ClientTime c -> b.setClientTime(time(c.time())).build();
        };
    }

    static CreateRequest.Builder create(CreateSpec spec) {
        return CreateRequest.newBuilder().setType(type(spec.type())).setMode(mode(spec.mode()))
                .setAttrs(setAttrs(spec.attrs())).setVerifier(ByteString.copyFrom(spec.verifier()))
                .setSymlinkTarget(spec.symlinkTarget()).setRdevMajor(spec.rdevMajor()).setRdevMinor(spec.rdevMinor());
    }

    static DirPage page(ReadDirResponse r) {
        List<DirEntry> entries = new ArrayList<>(r.getEntriesCount());
        for (var e : r.getEntriesList()) {
            entries.add(new DirEntry(e.getName(), e.getFileid(), e.getCookie(),
                    e.hasHandle() ? CommonMapper.handle(e.getHandle()) : null, attr(e.hasAttr(), e.getAttr())));
        }
        return new DirPage(CommonMapper.status(r.getStatus()), entries, r.getEof(), r.getVerifier().toByteArray(),
                attr(r.hasDirAttr(), r.getDirAttr()));
    }
}
