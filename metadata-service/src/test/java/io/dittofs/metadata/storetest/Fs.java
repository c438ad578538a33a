package io.dittofs.metadata.storetest;

import com.google.protobuf.ByteString;
import io.dittofs.contracts.common.v1.FileHandle;
import io.dittofs.contracts.common.v1.FileType;
import io.dittofs.contracts.common.v1.Identity;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.metadata.v1.*;

/** Terse calls through the real blocking stub, for the conformance suite. */
public final class Fs {

    public final MetadataServiceGrpc.MetadataServiceBlockingStub stub;

    public Fs(MetadataServiceGrpc.MetadataServiceBlockingStub stub) {
        this.stub = stub;
    }

    public GetRootResponse root(String share) {
        return stub.getRoot(GetRootRequest.newBuilder().setIdentity(Ids.ROOT).setShare(share).build());
    }

    public CreateResponse create(Identity id, FileHandle dir, String name, FileType type, int mode) {
        CreateRequest.Builder b = CreateRequest.newBuilder().setIdentity(id).setDir(dir).setName(name).setType(type)
                .setMode(CreateMode.GUARDED);
        if (mode >= 0) {
            b.setAttrs(SetAttrs.newBuilder().setMode(mode));
        }
        return stub.create(b.build());
    }

    public CreateResponse file(Identity id, FileHandle dir, String name) {
        return create(id, dir, name, FileType.REGULAR, -1);
    }

    public CreateResponse mkdir(Identity id, FileHandle dir, String name) {
        return create(id, dir, name, FileType.DIRECTORY, -1);
    }

    /** Creates and insists on OK; returns the new handle. */
    public FileHandle mustFile(Identity id, FileHandle dir, String name) {
        return must(file(id, dir, name), name).getHandle();
    }

    public FileHandle mustDir(Identity id, FileHandle dir, String name) {
        return must(mkdir(id, dir, name), name).getHandle();
    }

    public CreateResponse must(CreateResponse r, String name) {
        if (r.getStatus() != Status.OK) {
            throw new AssertionError("create " + name + " -> " + r.getStatus());
        }
        return r;
    }

    public LookupResponse lookup(Identity id, FileHandle dir, String name) {
        return stub.lookup(LookupRequest.newBuilder().setIdentity(id).setDir(dir).setName(name).build());
    }

    public GetAttrResponse getattr(Identity id, FileHandle h) {
        return stub.getAttr(GetAttrRequest.newBuilder().setIdentity(id).setHandle(h).build());
    }

    public Attr attr(FileHandle h) {
        return getattr(Ids.ROOT, h).getAttr();
    }

    public SetAttrResponse setattr(Identity id, FileHandle h, SetAttrs a) {
        return stub.setAttr(SetAttrRequest.newBuilder().setIdentity(id).setHandle(h).setAttrs(a).build());
    }

    public RemoveResponse remove(Identity id, FileHandle dir, String name, RemoveKind kind) {
        return stub.remove(RemoveRequest.newBuilder().setIdentity(id).setDir(dir).setName(name).setKind(kind).build());
    }

    public RenameResponse rename(Identity id, FileHandle from, String fromName, FileHandle to, String toName) {
        return stub.rename(RenameRequest.newBuilder().setIdentity(id).setFromDir(from).setFromName(fromName)
                .setToDir(to).setToName(toName).build());
    }

    public LinkResponse link(Identity id, FileHandle file, FileHandle dir, String name) {
        return stub.link(LinkRequest.newBuilder().setIdentity(id).setHandle(file).setDir(dir).setName(name).build());
    }

    public ReadDirResponse readdir(Identity id, FileHandle dir, long cookie, ByteString verifier, int max, boolean attrs) {
        return stub.readDir(ReadDirRequest.newBuilder().setIdentity(id).setDir(dir).setCookie(cookie)
                .setVerifier(verifier).setMaxEntries(max).setWithAttrs(attrs).build());
    }

    public RecordWriteResponse write(Identity id, FileHandle h, long offset, long length, boolean opened) {
        return stub.recordWrite(RecordWriteRequest.newBuilder().setIdentity(id).setHandle(h).setOffset(offset)
                .setLength(length).setOpenedForWrite(opened).build());
    }
}
